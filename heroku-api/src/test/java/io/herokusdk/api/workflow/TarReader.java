package io.herokusdk.api.workflow;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads a gzip'd tar back (ustar headers, PAX {@code path}/{@code linkpath}), for assertions. */
final class TarReader {
  record Entry(String name, int mode, char type, String link, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private TarReader() {}

  static Map<String, Entry> read(byte[] tgz) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(
        new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
      Map<String, String> pax = Map.of();
      while (true) {
        byte[] h = new byte[512];
        in.readFully(h);
        if (allZero(h)) break;
        checkSum(h);
        String name = string(h, 0, 100);
        int mode = (int) octal(h, 100, 8);
        long size = octal(h, 124, 12);
        char type = (char) h[156];
        String link = string(h, 157, 100);
        String prefix = string(h, 345, 155);
        if (!prefix.isEmpty()) name = prefix + "/" + name;
        byte[] content = body(in, size);
        if (type == 'x') {
          pax = parsePax(content);
          continue;
        }
        if (pax.containsKey("path")) name = pax.get("path");
        if (pax.containsKey("linkpath")) link = pax.get("linkpath");
        pax = Map.of();
        entries.put(name, new Entry(name, mode, type, link, content));
      }
    }
    return entries;
  }

  private static byte[] body(InputStream in, long size) throws IOException {
    byte[] content = new byte[(int) size];
    new DataInputStream(in).readFully(content);
    long pad = (512 - size % 512) % 512;
    in.skipNBytes(pad);
    return content;
  }

  private static Map<String, String> parsePax(byte[] content) {
    Map<String, String> records = new LinkedHashMap<>();
    int at = 0;
    while (at < content.length) {
      int space = indexOf(content, (byte) ' ', at);
      int length = Integer.parseInt(new String(content, at, space - at, StandardCharsets.US_ASCII));
      String record = new String(content, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      records.put(record.substring(0, eq), record.substring(eq + 1));
      if (content[at + length - 1] != '\n') throw new IllegalStateException("bad PAX length");
      at += length;
    }
    return records;
  }

  private static void checkSum(byte[] h) {
    long sum = 0;
    for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    if (sum != octal(h, 148, 8)) throw new IllegalStateException("bad header checksum");
    if (!string(h, 257, 6).equals("ustar")) throw new IllegalStateException("not ustar");
  }

  private static int indexOf(byte[] b, byte c, int from) {
    for (int i = from; i < b.length; i++) if (b[i] == c) return i;
    return -1;
  }

  private static boolean allZero(byte[] h) {
    for (byte b : h) if (b != 0) return false;
    return true;
  }

  private static String string(byte[] h, int offset, int length) {
    int end = offset;
    while (end < offset + length && h[end] != 0) end++;
    return new String(h, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] h, int offset, int length) {
    String s = string(h, offset, length).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }
}
