package io.herokusdk.api.data;

import java.util.Map;

/**
 * A daily backup schedule ({@code pg:backups:schedules}).
 *
 * @param uuid its id (what unschedule takes)
 * @param name the attachment it backs up, like {@code DATABASE_URL}
 * @param hour the hour of the day it runs, 0-23
 * @param timezone the time zone of {@code hour}, like {@code UTC}
 */
public record BackupSchedule(String uuid, String name, int hour, String timezone) {
  static BackupSchedule from(Map<String, Object> json) {
    return new BackupSchedule(String.valueOf(Json.string(json, "uuid")),
        String.valueOf(Json.string(json, "name")), (int) Json.number(json, "hour", 0),
        String.valueOf(Json.string(json, "timezone")));
  }
}
