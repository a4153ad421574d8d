package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init DIR}: the files of a new catalogue, which builds and passes check --strict as written. */
class InitCommandTest {
    private static final List<String> FILES = List.of(".github/workflows/pages.yml", ".gitignore", "README.md",
            "content/example-org/tiny-sentiment/README.md", "content/site.yaml", "pom.xml");

    @TempDir
    Path tmp;

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** The version in this project's pom.xml: the first {@code <version>} after the project's artifactId. */
    static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>modelcards</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml names its version after its artifactId");
        return m.group(1);
    }

    @Test
    void writesEveryFileOfANewCatalogueIntoANewFolder() throws IOException {
        Path dir = tmp.resolve("My Cards");
        CliRun r = CliRun.of("init", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(FILES, files(dir));
        for (String f : FILES) assertTrue(r.out().contains("created " + f), r.out());
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>my-cards</artifactId>"), "the folder names the project");
        assertTrue(pom.contains("<modelcards.version>" + pomVersion() + "</modelcards.version>"), "this version's plugin");
        assertTrue(pom.contains("<artifactId>modelcards-maven-plugin</artifactId>"), pom);
        assertFalse(pom.contains("@"), "every placeholder is filled");
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("mvn site ") && readme.contains("mvn verify "), "the two commands");
        assertTrue(Files.readString(dir.resolve(".gitignore")).contains("target/"));
    }

    @Test
    void writesIntoAnEmptyFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, CliRun.of("init", dir.toString()).exit());
        assertEquals(FILES, files(dir));
    }

    @Test
    void siteYamlDocumentsEverySetting() throws IOException {
        Path dir = tmp.resolve("c");
        CliRun.of("init", dir.toString());
        String yaml = Files.readString(dir.resolve("content/site.yaml"));
        for (String key : List.of("title", "description", "baseUrl", "repoUrl", "footer", "cards", "sourceUrl")) {
            assertTrue(yaml.contains("# " + key + ":") || yaml.contains("\n" + key + ":"), key);
        }
    }

    @Test
    void theNewCatalogueBuildsAndPassesCheckStrict() throws IOException {
        Path dir = tmp.resolve("demo");
        CliRun.of("init", dir.toString());
        Path content = dir.resolve("content");
        CliRun check = CliRun.of("check", "--strict", "--content", content.toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.err().contains("1 models") && check.err().contains("0 warnings, 0 errors"), check.err());
        Path out = dir.resolve("target/site");
        CliRun build = CliRun.of("build", "--strict", "--content", content.toString(), "--out", out.toString(),
                "--report", dir.resolve("target/site-report.json").toString());
        assertEquals(0, build.exit(), build.err());
        String page = Files.readString(out.resolve("models/example-org-tiny-sentiment/index.html"));
        assertTrue(page.contains("Tiny Sentiment") && page.contains("91.2"), "the example card and its table");
    }

    @Test
    void refusesAFolderThatIsNotEmptyAndWritesNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(dir.resolve("notes.txt"), "mine\n");
        CliRun r = CliRun.of("init", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("modelcards: error: " + dir + " is not empty (1 entry: notes.txt)"), r.err());
        assertTrue(r.err().contains("--force"), "says how to go on");
        assertEquals(List.of("notes.txt"), files(dir));
    }

    @Test
    void refusesAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliRun r = CliRun.of("init", file.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("is a file, not a folder"), r.err());
    }

    @Test
    void forceAddsOnlyWhatIsMissingAndListsWhatItSkipped() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        Files.writeString(dir.resolve("README.md"), "# Mine\n");
        Path card = dir.resolve("content/acme/model/README.md");
        Files.createDirectories(card.getParent());
        Files.writeString(card, "---\nlicense: mit\n---\n\n# Acme model\n\nText.\n");
        CliRun r = CliRun.of("init", "--force", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("<project/>\n", Files.readString(dir.resolve("pom.xml")), "never overwritten");
        assertEquals("# Mine\n", Files.readString(dir.resolve("README.md")));
        assertTrue(r.out().contains("skipped pom.xml (exists, kept as it is)"), r.out());
        assertTrue(r.out().contains("skipped README.md (exists, kept as it is)"), r.out());
        assertTrue(r.out().contains("skipped content/example-org/tiny-sentiment/README.md (content/ has cards of its own)"),
                r.out());
        assertTrue(r.out().contains("modelcards-maven-plugin"), "says what to add to the pom it kept");
        for (String f : List.of(".github/workflows/pages.yml", ".gitignore", "content/site.yaml")) {
            assertTrue(r.out().contains("created " + f), r.out());
        }
        assertEquals(List.of(".github/workflows/pages.yml", ".gitignore", "README.md", "content/acme/model/README.md",
                "content/site.yaml", "pom.xml"), files(dir));
        // a second run has nothing left to add
        CliRun again = CliRun.of("init", "--force", dir.toString());
        assertEquals(0, again.exit());
        assertFalse(again.out().contains("created "), again.out());
    }

    @Test
    void thePagesWorkflowIsTheProjectsOwnByteForByte() throws IOException {
        Path dir = tmp.resolve("d");
        CliRun.of("init", dir.toString());
        byte[] own = Files.readAllBytes(Path.of(".github/workflows/pages.yml"));
        assertArrayEquals(own, Files.readAllBytes(dir.resolve(".github/workflows/pages.yml")));
        String yml = new String(own, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(yml.contains("uses: actions/configure-pages@"), "the address comes from configure-pages");
        assertTrue(yml.contains("${{ steps.pages.outputs.base_url }}") && yml.contains("-Dmodelcards.baseUrl="), yml);
        assertTrue(yml.lines().filter(l -> !l.strip().startsWith("#")).noneMatch(l -> l.contains("github.io")),
                "no address written by hand");
    }

    @Test
    void thePluginTheNewPomAsksForIsTheOneThisBuildMakes() throws IOException {
        Matcher m = Pattern.compile("<groupId>io\\.modelcards</groupId>\\s*<artifactId>modelcards-maven-plugin</artifactId>"
                + "\\s*(?:<!--.*?-->\\s*)?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("modelcards-maven-plugin/pom.xml")));
        assertTrue(m.find(), "modelcards-maven-plugin/pom.xml names the plugin and its version");
        assertEquals(pomVersion(), m.group(1), "the plugin's version is the project's");
        Path dir = tmp.resolve("p");
        CliRun.of("init", dir.toString());
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertTrue(pom.contains("<groupId>io.modelcards</groupId>\n        <artifactId>modelcards-maven-plugin</artifactId>\n"
                + "        <version>${modelcards.version}</version>"), pom);
    }

    @Test
    void versionIsThePoms() throws IOException {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exit());
        assertEquals("modelcards " + pomVersion(), r.out().strip());
    }
}
