package io.herokusdk.api.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a deploy builds from: a directory, a gzip'd tarball, or a built JAR. A directory or JAR
 * is packed into a gzip'd tar (executable bits kept, long names, {@code .git} left out) in a
 * temporary file, with a {@code Procfile} and {@code system.properties} added when missing (see
 * {@link DeployRequest.Builder#processCommand(String)} and {@link
 * DeployRequest.Builder#javaVersion(String)}). Immutable.
 */
public final class DeploySource {
  /** The kind of source. */
  public enum Kind {
    /** A directory, packed as it is. */
    DIRECTORY,
    /** A gzip'd tarball, uploaded as it is. */
    TARBALL,
    /** A runnable JAR, packed at the top of the tarball. */
    JAR
  }

  private final Kind kind;
  private final Path path;

  private DeploySource(Kind kind, Path path) {
    this.kind = kind;
    this.path = Objects.requireNonNull(path, "path == null");
  }

  /**
   * The contents of {@code dir}.
   *
   * @param dir the directory to pack, such as the project's root; its {@code .git} is left out
   * @return the source
   * @throws IllegalArgumentException if it is not a directory
   */
  public static DeploySource directory(Path dir) {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException("not a directory: " + dir);
    return new DeploySource(Kind.DIRECTORY, dir);
  }

  /**
   * A gzip'd tarball ({@code .tgz}) made elsewhere; nothing is added to it.
   *
   * @param tgz the tarball, uploaded as it is
   * @return the source
   * @throws IllegalArgumentException if it is not a regular file
   */
  public static DeploySource tarball(Path tgz) {
    if (!Files.isRegularFile(tgz)) throw new IllegalArgumentException("not a file: " + tgz);
    return new DeploySource(Kind.TARBALL, tgz);
  }

  /**
   * A runnable JAR; the Procfile made for it runs {@code java -jar <its name>}.
   *
   * @param jar the JAR, such as {@code target/app.jar}; packed at the top of the tarball
   * @return the source
   * @throws IllegalArgumentException if it is not a regular file
   */
  public static DeploySource jar(Path jar) {
    if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("not a file: " + jar);
    return new DeploySource(Kind.JAR, jar);
  }

  /**
   * The kind of source.
   *
   * @return {@link Kind#DIRECTORY}, {@link Kind#TARBALL} or {@link Kind#JAR}
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The directory or file.
   *
   * @return the path as given
   */
  public Path path() {
    return path;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + path;
  }
}
