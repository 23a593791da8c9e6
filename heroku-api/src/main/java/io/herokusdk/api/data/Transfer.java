package io.herokusdk.api.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A backup, copy or restore ("transfer") of the Data API.
 *
 * @param uuid its id (what cancel takes)
 * @param num its number in the app, as in {@code b042}
 * @param name the name the CLI shows: {@code a} scheduled backup, {@code b} backup, {@code c}
 *     copy, {@code r} restore, then the number on three digits ({@code b042})
 * @param status where it is
 * @param fromType {@code pg_dump}, {@code gof3r} (a backup file)...
 * @param fromName the source's name, or null
 * @param toType {@code gof3r} (a backup file), {@code pg_restore}...
 * @param toName the target's name, or null
 * @param processedBytes bytes done so far
 * @param sourceBytes the source's size in bytes, 0 when not known yet
 * @param createdAt when it was asked for, or null
 * @param startedAt when it started, or null
 * @param finishedAt when it finished, or null
 * @param logs its log (only from {@link Backups#info(String, String)})
 */
public record Transfer(String uuid, int num, String name, TransferStatus status, String fromType,
    @Nullable String fromName, String toType, @Nullable String toName, long processedBytes,
    long sourceBytes, @Nullable Instant createdAt, @Nullable Instant startedAt,
    @Nullable Instant finishedAt, List<TransferLog> logs) {
  /**
   * Copies the log.
   *
   * @param uuid its id (what cancel takes)
   * @param num its number in the app, as in {@code b042}
   * @param name the name the CLI shows, like {@code b042}
   * @param status where it is
   * @param fromType {@code pg_dump}, {@code gof3r} (a backup file)...
   * @param fromName the source's name, or null
   * @param toType {@code gof3r} (a backup file), {@code pg_restore}...
   * @param toName the target's name, or null
   * @param processedBytes bytes done so far
   * @param sourceBytes the source's size in bytes, 0 when not known yet
   * @param createdAt when it was asked for, or null
   * @param startedAt when it started, or null
   * @param finishedAt when it finished, or null
   * @param logs its log, oldest first; copied
   */
  public Transfer {
    logs = List.copyOf(logs);
  }

  /**
   * The last {@code n} log lines, oldest first: what the CLI prints when a transfer fails.
   *
   * @param n how many lines at most, not negative (the CLI shows 5)
   * @return the messages of the last {@code n} log entries, all of them if there are fewer;
   *     empty when this transfer has no log (it only has one from {@link Backups#info})
   */
  public List<String> lastLogLines(int n) {
    return logs.subList(Math.max(0, logs.size() - n), logs.size()).stream()
        .map(TransferLog::message).toList();
  }

  static Transfer from(Map<String, Object> json) {
    String from = String.valueOf(Json.string(json, "from_type"));
    String to = String.valueOf(Json.string(json, "to_type"));
    int num = (int) Json.number(json, "num", 0);
    boolean dump = from.equals("pg_dump");
    boolean restore = to.equals("pg_restore");
    String prefix = dump && restore ? "c" : restore ? "r"
        : json.get("schedule") != null ? "a" : "b";
    Instant finished = Json.time(json, "finished_at");
    TransferStatus status;
    if (finished != null && Json.flag(json, "succeeded")) {
      status = TransferStatus.COMPLETED;
    } else if (json.get("canceled_at") != null) {
      status = TransferStatus.CANCELLED;
    } else if (finished != null) {
      status = TransferStatus.FAILED;
    } else if (json.get("started_at") != null) {
      status = TransferStatus.RUNNING;
    } else {
      status = TransferStatus.PENDING;
    }
    List<TransferLog> logs = Json.objects(json.get("logs")).stream()
        .map(l -> new TransferLog(Json.time(l, "created_at"),
            String.valueOf(Json.string(l, "message")))).toList();
    return new Transfer(String.valueOf(Json.string(json, "uuid")), num,
        prefix + String.format("%03d", num), status, from, Json.string(json, "from_name"), to,
        Json.string(json, "to_name"), Json.number(json, "processed_bytes", 0),
        Json.number(json, "source_bytes", 0), Json.time(json, "created_at"),
        Json.time(json, "started_at"), finished, logs);
  }
}
