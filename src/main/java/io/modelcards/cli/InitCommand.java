package io.modelcards.cli;

import io.modelcards.init.CatalogueScaffold;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new catalogue in DIR: content/ with an example card and site.yaml, a pom.xml that",
                "builds it with the modelcards Maven plugin (mvn site), the GitHub Pages workflow, .gitignore and a README.",
                "", "DIR must be new or empty. With --force, into an existing folder (a repository), only the missing",
                "files are added; nothing is overwritten, and the files skipped are listed."},
        footer = {"", "Exit codes: 0 created; 2 DIR is not empty (without --force), is a file, or cannot be written; 3 internal error."})
final class InitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Folder of the new catalogue; made when missing.")
    Path dir;

    @Option(names = "--force", description = "Add the missing files to a folder that is not empty; never overwrite one.")
    boolean force;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println("modelcards: error: " + dir + " is a file, not a folder");
            return ExitCodes.USAGE;
        }
        CatalogueScaffold.Result r;
        try {
            List<String> present = CatalogueScaffold.entries(dir);
            if (!present.isEmpty() && !force) {
                err.println("modelcards: error: " + dir + " is not empty (" + shown(present) + "); init writes into a"
                        + " new or empty folder only. Choose another, or add the missing files to this one with"
                        + " --force (no file is overwritten).");
                return ExitCodes.USAGE;
            }
            r = new CatalogueScaffold(Version.current()).write(dir);
        } catch (IOException e) {
            err.println("modelcards: error: cannot write " + dir + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (String f : r.written()) out.println("created " + f);
        for (CatalogueScaffold.Skipped s : r.skipped()) out.println("skipped " + s.path() + " (" + s.reason() + ")");
        if (r.skipped().stream().anyMatch(s -> s.path().equals("pom.xml"))) {
            out.println("note: pom.xml was kept: add the io.modelcards:modelcards-maven-plugin to it as in the README"
                    + " of modelcards (\"Use it in your own repository\") for `mvn site` to build the catalogue");
        }
        out.println();
        out.println("Next: cd " + dir + " && mvn site   (then open target/site/index.html; mvn verify checks the cards)");
        return ExitCodes.OK;
    }

    /** The first few names of a folder, for the refusal. */
    private static String shown(List<String> names) {
        int max = 5;
        String list = String.join(", ", names.subList(0, Math.min(max, names.size())));
        return names.size() + (names.size() == 1 ? " entry: " : " entries: ") + list + (names.size() > max ? ", …" : "");
    }
}
