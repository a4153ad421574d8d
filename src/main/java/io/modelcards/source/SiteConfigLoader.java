package io.modelcards.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads content/site.yaml (title, description, baseUrl, repoUrl, footer); defaults when it is absent. */
public final class SiteConfigLoader {
    public static final String FILE_NAME = "site.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public SiteConfig load(Path contentDir, String displayDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return SiteConfig.DEFAULTS;
        String shown = displayDir + "/" + FILE_NAME;
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            diagnostics.error(SourcePosition.of(shown, line), "invalid YAML: " + e.getOriginalMessage());
            return SiteConfig.DEFAULTS;
        } catch (IOException e) {
            diagnostics.error(SourcePosition.file(shown), "cannot read: " + e.getMessage());
            return SiteConfig.DEFAULTS;
        }
        if (root == null || root.isNull()) return SiteConfig.DEFAULTS;
        if (!root.isObject()) {
            diagnostics.error(SourcePosition.of(shown, 1), "site settings must be a YAML mapping");
            return SiteConfig.DEFAULTS;
        }
        var known = java.util.Set.of("title", "description", "baseUrl", "repoUrl", "footer");
        root.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                diagnostics.warning(SourcePosition.of(shown, 1), "unknown setting '" + name
                        + "' (known: title, description, baseUrl, repoUrl, footer)");
            }
        });
        SiteConfig d = SiteConfig.DEFAULTS;
        return new SiteConfig(get(root, "title", d.title()), get(root, "description", d.description()),
                get(root, "baseUrl", d.baseUrl()), get(root, "repoUrl", d.repoUrl()), get(root, "footer", d.footer()));
    }

    private static String get(JsonNode root, String key, String fallback) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }
}
