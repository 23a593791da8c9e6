package io.herokusdk.api.data;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Postgres#promote} did.
 *
 * @param app the app whose {@code DATABASE_URL} changed
 * @param promoted the add-on now attached as {@code DATABASE}
 * @param previous the add-on that was {@code DATABASE} before, or null if there was none
 * @param previousAttachment the name the previous add-on stays reachable under (its config var
 *     is {@code <name>_URL}, e.g. {@code HEROKU_POSTGRESQL_AMBER}), or null without a previous one
 * @param poolerMoved whether the {@code DATABASE_CONNECTION_POOL} attachment moved along
 * @param stillFollowing whether the promoted database still follows a leader, so is read-only
 *     until {@link Postgres#unfollow unfollowed}
 */
public record PromoteResult(String app, String promoted, @Nullable String previous,
    @Nullable String previousAttachment, boolean poolerMoved, boolean stillFollowing) {}
