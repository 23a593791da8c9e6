package io.herokusdk.api.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a POSIX tar stream (ustar headers; a PAX {@code x} header before an entry whose path or
 * link target is too long or not ASCII for ustar, or whose size needs more than 11 octal digits).
 * Entries are streamed: a file is copied in 64 KiB pieces, never held in memory. Not API.
 */
public final class TarWriter implements Closeable {
  private static final int BLOCK = 512;
  private static final byte[] ZEROS = new byte[BLOCK];
  private static final long MAX_USTAR_SIZE = 077777777777L;

  private final OutputStream out;
  private long written;

  /** Writes to {@code out}, which {@link #close()} closes after the end-of-archive blocks. */
  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** Adds a directory entry ({@code path} without a trailing slash). */
  public void directory(String path, int mode, long mtimeSeconds) throws IOException {
    header(path + "/", mode, 0, mtimeSeconds, '5', "");
  }

  /** Adds a regular file with the contents of {@code file}. */
  public void file(String path, int mode, long mtimeSeconds, Path file) throws IOException {
    long size = Files.size(file);
    header(path, mode, size, mtimeSeconds, '0', "");
    long copied = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while (copied < size && (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied))) > 0) {
        write(buffer, 0, n);
        copied += n;
      }
    }
    if (copied != size) throw new IOException(file + " changed size while being archived");
    pad();
  }

  /** Adds a regular file holding {@code content}. */
  public void file(String path, int mode, long mtimeSeconds, byte[] content) throws IOException {
    header(path, mode, content.length, mtimeSeconds, '0', "");
    write(content, 0, content.length);
    pad();
  }

  /** Adds a symbolic link to {@code target}. */
  public void symlink(String path, long mtimeSeconds, String target) throws IOException {
    header(path, 0777, 0, mtimeSeconds, '2', target);
  }

  /** Writes the two zero blocks that end an archive and closes the stream. */
  @Override
  public void close() throws IOException {
    try {
      write(ZEROS, 0, BLOCK);
      write(ZEROS, 0, BLOCK);
    } finally {
      out.close();
    }
  }

  private void header(String path, int mode, long size, long mtime, char type, String link)
      throws IOException {
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    byte[] linkName = link.getBytes(StandardCharsets.UTF_8);
    boolean longName = name.length > 100 || !ascii(name);
    boolean longLink = linkName.length > 100 || !ascii(linkName);
    boolean bigSize = size > MAX_USTAR_SIZE;
    if (longName || longLink || bigSize) {
      StringBuilder records = new StringBuilder();
      if (longName) records.append(paxRecord("path", path));
      if (longLink) records.append(paxRecord("linkpath", link));
      if (bigSize) records.append(paxRecord("size", Long.toString(size)));
      byte[] pax = records.toString().getBytes(StandardCharsets.UTF_8);
      writeHeader(asciiPrefix("PaxHeaders/" + path, 100), 0644, pax.length, mtime, 'x', new byte[0]);
      write(pax, 0, pax.length);
      pad();
    }
    writeHeader(longName ? asciiPrefix(path, 100) : name, mode, bigSize ? 0 : size, mtime, type,
        longLink ? asciiPrefix(link, 100) : linkName);
  }

  private void writeHeader(byte[] name, int mode, long size, long mtime, char type, byte[] link)
      throws IOException {
    byte[] h = new byte[BLOCK];
    System.arraycopy(name, 0, h, 0, Math.min(name.length, 100));
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, Math.max(0, mtime));
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = (byte) type;
    System.arraycopy(link, 0, h, 157, Math.min(link.length, 100));
    System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
    h[263] = '0';
    h[264] = '0';
    long sum = 0;
    for (byte b : h) sum += b & 0xff;
    octal(h, 148, 7, sum);
    h[155] = ' ';
    write(h, 0, BLOCK);
  }

  /** A PAX record {@code "<len> key=value\n"}, whose length counts its own digits. */
  static String paxRecord(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int len = body + String.valueOf(body).length();
    if (String.valueOf(len).length() != String.valueOf(body).length()) len++;
    return len + " " + key + "=" + value + "\n";
  }

  private static void octal(byte[] h, int offset, int width, long value) {
    String digits = Long.toOctalString(value);
    int pad = width - 1 - digits.length();
    if (pad < 0) throw new IllegalArgumentException("value too large for the tar header: " + value);
    for (int i = 0; i < pad; i++) h[offset + i] = '0';
    for (int i = 0; i < digits.length(); i++) h[offset + pad + i] = (byte) digits.charAt(i);
    h[offset + width - 1] = 0;
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7e) return false;
    }
    return true;
  }

  /** The name's ASCII characters, cut to {@code max} bytes: the ustar fallback after PAX. */
  private static byte[] asciiPrefix(String s, int max) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c <= 0x7e ? c : '_');
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private void pad() throws IOException {
    int rest = (int) (written % BLOCK);
    if (rest != 0) write(ZEROS, 0, BLOCK - rest);
  }

  private void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    written += length;
  }
}
