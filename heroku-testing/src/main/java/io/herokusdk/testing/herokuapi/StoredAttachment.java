package io.herokusdk.testing.herokuapi;

import org.jspecify.annotations.Nullable;

/**
 * An add-on attachment in the fake's store.
 *
 * @param name its name on the app, like {@code DATABASE} or {@code HEROKU_POSTGRESQL_AMBER}
 * @param addOnName the attached add-on's name, like {@code postgresql-curved-12345}
 * @param namespace its namespace, like {@code connection-pooling:default}, or null
 * @param configVar the config var it sets on the app, {@code <NAME>_URL}
 */
public record StoredAttachment(String name, String addOnName, @Nullable String namespace,
    String configVar) {}
