package io.herokusdk.api.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the commit {@code HEAD} points at from a {@code .git} directory (or a worktree's
 * {@code .git} file) at or above a path, without running git. Not API.
 */
public final class GitHead {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private GitHead() {}

  /** The commit of the repository holding {@code path}, if there is one and it can be read. */
  public static Optional<String> commit(Path path) {
    try {
      for (Path dir = path.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path dotGit = dir.resolve(".git");
        if (Files.isDirectory(dotGit)) return resolve(dotGit, dotGit);
        if (Files.isRegularFile(dotGit)) {
          String line = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
          if (!line.startsWith("gitdir:")) return Optional.empty();
          Path gitDir = dir.resolve(line.substring("gitdir:".length()).trim()).normalize();
          Path common = gitDir;
          Path commonFile = gitDir.resolve("commondir");
          if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim())
                .normalize();
          }
          return resolve(gitDir, common);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> resolve(Path gitDir, Path commonDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
    if (SHA.matcher(head).matches()) return Optional.of(head);
    if (!head.startsWith("ref:")) return Optional.empty();
    String ref = head.substring(4).trim();
    for (Path dir : List.of(gitDir, commonDir)) {
      Path loose = dir.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String sha = Files.readString(loose, StandardCharsets.UTF_8).trim();
        return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
      }
    }
    Path packed = commonDir.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space > 0 && line.substring(space + 1).equals(ref)
            && SHA.matcher(line.substring(0, space)).matches()) {
          return Optional.of(line.substring(0, space));
        }
      }
    }
    return Optional.empty();
  }
}
