package io.modelcards.preview;

import io.modelcards.diag.Diagnostic;
import java.util.List;

/** The diagnostics of the last build as the JSON the reload script reads: {@code {"ok":…, "errors":[…]}}. */
final class ErrorsJson {
    private ErrorsJson() {}

    static String of(boolean ok, List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder("{\"ok\":").append(ok).append(",\"errors\":[");
        String sep = "";
        for (Diagnostic d : diagnostics) {
            if (d.isInfo()) continue; // notes are no problem: the overlay shows what needs fixing
            sb.append(sep).append("{\"file\":").append(quote(d.at().path()))
                    .append(",\"line\":").append(d.at().line())
                    .append(",\"column\":").append(d.at().column())
                    .append(",\"severity\":").append(quote(d.severity().label()))
                    .append(",\"message\":").append(quote(d.message()))
                    .append(",\"hint\":").append(quote(d.hint()))
                    .append(",\"text\":").append(quote(d.format())).append('}');
            sep = ",";
        }
        return sb.append("]}\n").toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // '<' too, so the JSON can never close a script element
                    if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
