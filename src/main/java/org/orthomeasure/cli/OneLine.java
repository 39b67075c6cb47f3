package org.orthomeasure.cli;

/**
 * Makes a message safe to print as exactly one line: control characters (a newline or carriage
 * return in a file name, a NUL or escape from a damaged header) and the Unicode line and paragraph
 * separators are written as visible escapes ({@code \n}, {@code \r}, {@code \t}, {@code \u0000}),
 * so a file named {@code "a\nb.dcm"} cannot split a refusal into two lines or forge a second one.
 */
final class OneLine {

    private OneLine() {
    }

    /** {@code text} with every line-breaking or control character escaped; null becomes "null". */
    static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (!unsafe) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? text : sb.toString();
    }
}
