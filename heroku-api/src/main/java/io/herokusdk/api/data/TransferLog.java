package io.herokusdk.api.data;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One log line of a transfer ({@code pg:backups:info}).
 *
 * @param createdAt when it was written, or null
 * @param message the line
 */
public record TransferLog(@Nullable Instant createdAt, String message) {}
