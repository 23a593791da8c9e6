package io.herokusdk.api.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the gzip'd tarball a build starts from, streamed to a temporary file, and its SHA-256.
 * Not API.
 */
public final class SourcePacker {
  /**
   * A tarball ready to upload.
   *
   * @param file where it is
   * @param size its size in bytes
   * @param sha256 the SHA-256 of its bytes, lower-case hex
   * @param temporary whether the packer made it (delete it after use)
   */
  public record Packed(Path file, long size, String sha256, boolean temporary) {
    /** Deletes the file if the packer made it. */
    public void deleteIfTemporary() {
      if (!temporary) return;
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }

  private SourcePacker() {}

  /**
   * Packs the directory {@code root} (without {@code .git} directories), adding {@code extras}
   * (path → content) at the top level where the directory has no such file.
   */
  public static Packed directory(Path root, Map<String, String> extras) throws IOException {
    return pack(tar -> {
      addTree(tar, root, root);
      for (Map.Entry<String, String> extra : extras.entrySet()) {
        if (!Files.exists(root.resolve(extra.getKey()), LinkOption.NOFOLLOW_LINKS)) {
          tar.file(extra.getKey(), 0644, 0, extra.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
    });
  }

  /** Packs the single file {@code jar} at the top level, with {@code extras} (path → content). */
  public static Packed jar(Path jar, Map<String, String> extras) throws IOException {
    return pack(tar -> {
      tar.file(jar.getFileName().toString(), mode(jar), mtime(jar), jar);
      for (Map.Entry<String, String> extra : extras.entrySet()) {
        tar.file(extra.getKey(), 0644, 0, extra.getValue().getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  /** An existing tarball, hashed by reading it once. */
  public static Packed existing(Path tarball) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(tarball)) {
      int n;
      while ((n = in.read(buffer)) > 0) sha.update(buffer, 0, n);
    }
    return new Packed(tarball, Files.size(tarball), HexFormat.of().formatHex(sha.digest()), false);
  }

  private interface Contents {
    void write(TarWriter tar) throws IOException;
  }

  private static Packed pack(Contents contents) throws IOException {
    Path file = Files.createTempFile("heroku-source-", ".tgz");
    MessageDigest sha = sha256();
    try {
      try (OutputStream raw = new DigestOutputStream(
              new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), sha);
          TarWriter tar = new TarWriter(new GZIPOutputStream(raw, 64 * 1024))) {
        contents.write(tar);
      }
      return new Packed(file, Files.size(file), HexFormat.of().formatHex(sha.digest()), true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static void addTree(TarWriter tar, Path root, Path dir) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    }
    for (Path child : children) {
      String name = root.relativize(child).toString().replace('\\', '/');
      if (Files.isSymbolicLink(child)) {
        tar.symlink(name, mtime(child), Files.readSymbolicLink(child).toString().replace('\\', '/'));
      } else if (Files.isDirectory(child)) {
        if (child.getFileName().toString().equals(".git")) continue;
        tar.directory(name, 0755, mtime(child));
        addTree(tar, root, child);
      } else if (Files.isRegularFile(child)) {
        tar.file(name, mode(child), mtime(child), child);
      }
    }
  }

  /** 0755 for a file its owner may execute, else 0644. */
  static int mode(Path file) throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
    } catch (UnsupportedOperationException e) {
      return Files.isExecutable(file) ? 0755 : 0644;
    }
  }

  private static long mtime(Path file) throws IOException {
    return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
