package io.herokusdk.testing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Deletes the kit's temporary files. Uses java.base only, so it works late in JVM shutdown. */
public final class TempFiles {
  private TempFiles() {}

  /** Deletes {@code root} and everything under it; gives up quietly on what it cannot delete. */
  public static void deleteRecursively(Path root) {
    if (root == null || !Files.exists(root)) return;
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    } catch (IOException | RuntimeException e) {
      return;
    }
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException | RuntimeException e) {
        // in use or gone: leave it
      }
    }
  }
}
