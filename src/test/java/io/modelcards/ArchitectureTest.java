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

/**
 * Imports point one way along the pipeline, each library stays in the stage that owns it, and no regular expression
 * is compiled on every call.
 */
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

    /**
     * {@code String.matches}, {@code replaceAll}, {@code replaceFirst} and {@code split} compile their pattern on every
     * call (split only for more than one plain character): 1.7 % of a warm 10,000-card build's samples were such
     * compiles (JFR, 2026-12-04). A pattern is a static field; the calls left run once per build or on an error.
     */
    private static final Pattern REGEX_PER_CALL = Pattern.compile(
            "\\.matches\\(\"|\\.replace(?:All|First)\\(\"[^\"]*\",|\\.split\\(\"(?!(?:\\\\n|\\\\t|\\\\u0000|[^\\\\\".$|()\\[{^?*+])\")");
    private static final Set<String> REGEX_ONCE = Set.of(
            "init/CatalogueScaffold.java", // once, for init's folder name
            "build/BuildState.java", // once per build, the cache's folder name
            "source/SiteConfigLoader.java", // once per build, site.yaml
            "source/ModelIndexReader.java", // an error message's quoted value
            "source/EvalResultsReader.java", // notes of an eval-results file, rare
            "render/SiteRenderer.java", // a template error
            "check/LinkSources.java"); // where a broken link comes from, for its message

    @Test
    void noRegularExpressionIsCompiledPerCall() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (REGEX_ONCE.contains(SRC.relativize(f).toString().replace('\\', '/'))) continue;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (REGEX_PER_CALL.matcher(lines.get(i)).find()) violations.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(violations.isEmpty(), "a regular expression compiled on every call (make it a static Pattern):\n"
                + String.join("\n", violations));
    }
}
