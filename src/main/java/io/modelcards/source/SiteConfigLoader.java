package io.modelcards.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.CardLayout;
import io.modelcards.model.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads content/site.yaml (title, description, baseUrl, repoUrl, footer, cards, sourceUrl); defaults when it is
 * absent. {@code cards} is {@code per-file}, {@code per-heading} or {@code auto}, or a mapping of folders to those.
 */
public final class SiteConfigLoader {
    public static final String FILE_NAME = "site.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The settings site.yaml may hold, in the order the warning about an unknown one lists them. */
    private static final java.util.List<String> KNOWN = java.util.List.of("title", "description", "baseUrl", "repoUrl",
            "footer", "cards", "sourceUrl", "modelJson");

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
        root.fieldNames().forEachRemaining(name -> {
            if (!KNOWN.contains(name)) {
                diagnostics.warning(SourcePosition.of(shown, 1), "unknown setting '" + name
                        + "' (known: " + String.join(", ", KNOWN) + ")");
            }
        });
        SiteConfig d = SiteConfig.DEFAULTS;
        return new SiteConfig(get(root, "title", d.title()), get(root, "description", d.description()),
                get(root, "baseUrl", d.baseUrl()), get(root, "repoUrl", d.repoUrl()), get(root, "footer", d.footer()),
                cards(root.get("cards"), shown, diagnostics), sourceUrl(get(root, "sourceUrl", ""), shown, diagnostics),
                flag(root.get("modelJson"), "modelJson", shown, diagnostics));
    }

    /** A true/false setting; anything else is warned about and counts as false. */
    private static boolean flag(JsonNode node, String name, String shown, Diagnostics diagnostics) {
        if (node == null || node.isNull()) return false;
        if (node.isBoolean()) return node.asBoolean();
        diagnostics.warning(SourcePosition.of(shown, 1), name + ": expected true or false, got \"" + node.asText()
                + "\"; the setting is ignored");
        return false;
    }

    /** The pattern of the cards' source repositories: an http(s) address, else the setting is ignored. */
    private static String sourceUrl(String value, String shown, Diagnostics diagnostics) {
        String v = value.strip();
        if (v.isEmpty() || v.matches("(?i)https?://[^\\s/]+(/\\S*)?")) return v;
        diagnostics.warning(SourcePosition.of(shown, 1), "sourceUrl: expected an http(s) address such as"
                + " https://huggingface.co/{id}/blob/main/{path}, got \"" + v + "\"; the setting is ignored");
        return "";
    }

    /** {@code cards: per-file}, or {@code cards: {legacy/: per-heading, hub/: per-file}}. */
    private static CardLayout cards(JsonNode node, String shown, Diagnostics diagnostics) {
        if (node == null || node.isNull()) return CardLayout.AUTO;
        java.util.Map<String, CardLayout.Mode> byFolder = new java.util.TreeMap<>();
        if (node.isValueNode()) {
            CardLayout.Mode mode = mode(node.asText(), "cards", shown, diagnostics);
            if (mode != null) byFolder.put("", mode);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                CardLayout.Mode mode = mode(e.getValue().asText(), "cards: " + e.getKey(), shown, diagnostics);
                if (mode != null) byFolder.put(e.getKey(), mode);
            });
        } else {
            diagnostics.warning(SourcePosition.of(shown, 1), "cards: expected per-file, per-heading or auto, or a"
                    + " mapping of folders to those; the setting is ignored");
        }
        return new CardLayout(byFolder);
    }

    private static CardLayout.Mode mode(String text, String what, String shown, Diagnostics diagnostics) {
        CardLayout.Mode mode = CardLayout.Mode.parse(text);
        if (mode == null) {
            diagnostics.warning(SourcePosition.of(shown, 1), what + ": expected per-file, per-heading or auto, got \""
                    + text + "\"; the setting is ignored");
        }
        return mode;
    }

    private static String get(JsonNode root, String key, String fallback) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }
}
