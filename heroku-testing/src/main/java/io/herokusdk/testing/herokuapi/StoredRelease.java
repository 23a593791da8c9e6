package io.herokusdk.testing.herokuapi;

/**
 * A release in the fake's store.
 *
 * @param id its id
 * @param app the app's name
 * @param version its version
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param current whether the app runs it
 * @param description like {@code Deploy 1a2b3c4d} or {@code Rollback to v3}
 */
public record StoredRelease(String id, String app, long version, String status,
    boolean current, String description) {}
