package io.tickforge.schemas.codec.internal;

/** Renders bytes for error messages: a short hex excerpt, and the fingerprint of a single-object header. */
public final class AvroBytes {
    private static final int EXCERPT_BYTES = 24;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AvroBytes() {
    }

    /**
     * @param bytes any bytes
     * @return the first {@value #EXCERPT_BYTES} bytes in hex and the total length, e.g. {@code "c3 01 ... (37 bytes)"}
     */
    public static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(bytes.length, EXCERPT_BYTES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(' ');
            }
            appendHex(text, bytes[i]);
        }
        if (shown < bytes.length) {
            text.append(" ...");
        }
        return text.append(" (").append(bytes.length).append(" bytes)").toString();
    }

    /**
     * @param header at least 10 bytes of a single-object encoding
     * @return bytes 2 to 9, the little-endian schema fingerprint, as 16 hex digits in wire order
     */
    public static String fingerprint(byte[] header) {
        StringBuilder text = new StringBuilder();
        for (int i = 2; i < 10; i++) {
            appendHex(text, header[i]);
        }
        return text.toString();
    }

    private static void appendHex(StringBuilder text, byte b) {
        text.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
