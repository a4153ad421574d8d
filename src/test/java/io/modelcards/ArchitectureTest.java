package io.modelcards;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Imports point one way along the pipeline, and each library stays in the stage that owns it. */
class ArchitectureTest {
    private static final Path SRC = Path.of("src/main/java/io/modelcards");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern FQN = Pattern.compile("\\bio\\.modelcards\\.(\\w+)\\.[A-Z]");

    /** For each package, the project packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("diag", Set.of()),
            Map.entry("model", Set.of("diag")),
            Map.entry("source", Set.of("model", "diag")),
            Map.entry("parse", Set.of("model", "diag", "source")),
            Map.entry("links", Set.of("model", "diag", "parse")),
            Map.entry("render", Set.of("model", "diag", "links")),
            Map.entry("check", Set.of("model", "diag", "render")),
            Map.entry("publish", Set.of("model", "diag", "render")),
            Map.entry("build", Set.of("model", "diag", "source", "parse", "links", "render", "check", "publish")),
            Map.entry("preview", Set.of("model", "diag", "build", "render", "publish")),
            Map.entry("init", Set.of()),
            Map.entry("cli", Set.of("model", "diag", "source", "parse", "links", "render", "check", "publish", "build", "preview",
                    "init")));

    /** Libraries and the packages allowed to use them. */
    private static final Map<String, Set<String>> LIBRARIES = Map.of(
            "com.vladsch.flexmark", Set.of("parse"),
            "org.thymeleaf", Set.of("render"),
            "org.jsoup", Set.of("parse", "links", "render", "check"),
            "com.fasterxml.jackson", Set.of("source", "render"),
            "picocli", Set.of("cli"));

    @Test
    void importsPointBackwardsAlongThePipeline() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SRC.relativize(f).getName(0).toString();
                if (f.getParent().equals(SRC)) continue;
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(f + ": package '" + pkg + "' has no rule in ArchitectureTest");
                    continue;
                }
                String text = Files.readString(f);
                Matcher m = FQN.matcher(text);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) violations.add(f + ": " + pkg + " uses " + used);
                }
                Matcher imp = IMPORT.matcher(text);
                while (imp.find()) {
                    for (var lib : LIBRARIES.entrySet()) {
                        if (imp.group(1).startsWith(lib.getKey()) && !lib.getValue().contains(pkg)) {
                            violations.add(f + ": " + pkg + " imports " + imp.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
