package io.herokusdk.api.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code pg:info} or {@code redis:info}, as the Data API sends it.
 *
 * @param name the label, like {@code Behind By}
 * @param values its values as text (several for {@code Followers})
 */
public record InfoLine(String name, List<String> values) {
  /**
   * Checks and copies.
   *
   * @param name the label, like {@code Behind By}; not null
   * @param values its values as text; copied
   */
  public InfoLine {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }

  /**
   * The first value of the line named {@code name} in {@code lines}, if there is one.
   *
   * @param lines the lines to look in, like {@link PostgresInfo#info()}
   * @param name the label, matched ignoring case, like {@code Connections}
   * @return the first value of the first such line that has one; empty if none has
   */
  public static Optional<String> first(List<InfoLine> lines, String name) {
    return lines.stream().filter(l -> l.name().equalsIgnoreCase(name))
        .flatMap(l -> l.values().stream()).findFirst();
  }
}
