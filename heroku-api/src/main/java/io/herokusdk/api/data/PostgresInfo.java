package io.herokusdk.api.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What {@code heroku pg:info} shows for one database.
 *
 * @param plan the plan, like {@code Standard 0}
 * @param status like {@code Available}, or null when not reported
 * @param connections open connections
 * @param connectionLimit the plan's limit from the {@code Connections} line ({@code 3/120}), or
 *     -1 when not reported
 * @param postgresVersion like {@code 16.4}
 * @param dataSizeBytes the data size in bytes
 * @param tables the number of tables, or -1 when not reported
 * @param following the leader when this database is a follower (its {@code Following} line,
 *     else the top-level {@code following} field), else null
 * @param followers the followers' add-on names
 * @param behindBy how far a follower is behind its leader ({@code 0 commits}), or null
 * @param waiting whether the database is still being prepared
 * @param info every line as sent, for the ones without a field here
 */
public record PostgresInfo(String plan, @Nullable String status, long connections,
    int connectionLimit, @Nullable String postgresVersion, long dataSizeBytes, long tables,
    @Nullable String following, List<String> followers, @Nullable String behindBy,
    boolean waiting, List<InfoLine> info) {
  /**
   * Copies the lists.
   *
   * @param plan the plan, like {@code Standard 0}
   * @param status like {@code Available}, or null when not reported
   * @param connections open connections
   * @param connectionLimit the plan's connection limit, or -1 when not reported
   * @param postgresVersion like {@code 16.4}, or null when not reported
   * @param dataSizeBytes the data size in bytes
   * @param tables the number of tables, or -1 when not reported
   * @param following the leader when this database is a follower, else null
   * @param followers the followers' add-on names; copied
   * @param behindBy how far a follower is behind its leader ({@code 0 commits}), or null
   * @param waiting whether the database is still being prepared
   * @param info every line as sent; copied
   */
  public PostgresInfo {
    followers = List.copyOf(followers);
    info = List.copyOf(info);
  }

  /**
   * Whether this database follows another.
   *
   * @return true if {@link #following()} is not null
   */
  public boolean isFollower() {
    return following != null;
  }

  /**
   * How many commits a follower is behind its leader, from {@link #behindBy()} ({@code 125
   * commits}); empty when not a follower or not reported as a number.
   *
   * @return the number of commits, 0 when caught up
   */
  public OptionalLong behindByCommits() {
    if (behindBy == null) return OptionalLong.empty();
    long commits = leadingNumber(behindBy);
    return commits < 0 ? OptionalLong.empty() : OptionalLong.of(commits);
  }

  /**
   * The {@code Connections} limit, if the Data API reported one.
   *
   * @return {@link #connectionLimit()}, or empty when it is -1
   */
  public OptionalInt limit() {
    return connectionLimit < 0 ? OptionalInt.empty() : OptionalInt.of(connectionLimit);
  }

  static PostgresInfo from(Map<String, Object> json) {
    List<InfoLine> info = Json.info(json);
    int limit = -1;
    Optional<String> connections = InfoLine.first(info, "Connections");
    if (connections.isPresent() && connections.get().contains("/")) {
      try {
        limit = Integer.parseInt(connections.get().substring(connections.get().indexOf('/') + 1)
            .trim());
      } catch (NumberFormatException e) {
        limit = -1;
      }
    }
    long tables = Json.number(json, "num_tables", -1);
    if (tables < 0) {
      tables = InfoLine.first(info, "Tables").map(PostgresInfo::leadingNumber).orElse(-1L);
    }
    Object following = json.get("following");
    String leader = InfoLine.first(info, "Following").orElse(following instanceof Map<?, ?>
        ? Json.string(Json.object(following), "name") : Json.text(following));
    List<String> followers = info.stream().filter(l -> l.name().equalsIgnoreCase("Followers"))
        .flatMap(l -> l.values().stream()).toList();
    String plan = Json.string(json, "plan");
    return new PostgresInfo(plan == null ? InfoLine.first(info, "Plan").orElse("unknown") : plan,
        InfoLine.first(info, "Status").orElse(null), Json.number(json, "num_connections", 0),
        limit, Json.string(json, "postgres_version"), Json.number(json, "num_bytes", 0), tables,
        leader == null || leader.isBlank() ? null : leader, followers,
        InfoLine.first(info, "Behind By").orElse(null), Json.flag(json, "waiting?"), info);
  }

  private static long leadingNumber(String text) {
    String digits = text.trim().split("\\s+")[0];
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
