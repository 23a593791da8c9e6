package io.herokusdk.api.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code .netrc} reader: {@code machine}/{@code default} entries with {@code login}, {@code
 * password} and {@code account}; {@code macdef} bodies skipped; {@code #} comments; quoted tokens.
 */
public final class Netrc {
  /**
   * One entry.
   *
   * @param machine the host, or null for {@code default}
   * @param login the login, if given
   * @param password the password (for Heroku: the API token), if given
   */
  public record Entry(@Nullable String machine, @Nullable String login, @Nullable String password) {
    @Override
    public String toString() {
      return "Entry[machine=" + machine + ", login=" + login + ", password="
          + (password == null ? "null" : "****") + "]";
    }
  }

  private final List<Entry> entries;

  private Netrc(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads {@code file}; a missing file is an empty netrc. */
  public static Netrc read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new Netrc(List.of());
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses netrc text. */
  public static Netrc parse(String text) {
    List<Entry> entries = new ArrayList<>();
    List<String> tokens = tokenize(text);
    String machine = null;
    String login = null;
    String password = null;
    boolean inEntry = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      switch (t) {
        case "machine", "default" -> {
          if (inEntry) {
            entries.add(new Entry(machine, login, password));
          }
          inEntry = true;
          login = null;
          password = null;
          machine = t.equals("machine") && i + 1 < tokens.size() ? tokens.get(++i) : null;
        }
        case "login" -> login = i + 1 < tokens.size() ? tokens.get(++i) : null;
        case "password" -> password = i + 1 < tokens.size() ? tokens.get(++i) : null;
        case "account" -> i++;
        default -> { }
      }
    }
    if (inEntry) {
      entries.add(new Entry(machine, login, password));
    }
    return new Netrc(entries);
  }

  /** The first entry for {@code host}, else the {@code default} entry. */
  public Optional<Entry> entryFor(String host) {
    for (Entry e : entries) {
      if (host.equalsIgnoreCase(e.machine())) {
        return Optional.of(e);
      }
    }
    return entries.stream().filter(e -> e.machine() == null).findFirst();
  }

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    boolean inMacro = false;
    for (String line : lines) {
      if (inMacro) {
        if (line.isBlank()) {
          inMacro = false;
        }
        continue;
      }
      int i = 0;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '#') {
          break;
        } else {
          StringBuilder tok = new StringBuilder();
          if (c == '"') {
            i++;
            while (i < line.length() && line.charAt(i) != '"') {
              if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                i++;
              }
              tok.append(line.charAt(i++));
            }
            i++;
          } else {
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
              tok.append(line.charAt(i++));
            }
          }
          out.add(tok.toString());
          if (tok.toString().equals("macdef") && out.size() >= 1) {
            out.remove(out.size() - 1);
            inMacro = true;
            break;
          }
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Netrc" + entries;
  }
}
