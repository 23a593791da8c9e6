package io.herokusdk.examples.signup;

/**
 * A signed-up user, as stored in Postgres and returned by {@code GET /users/{id}}.
 *
 * @param id the database id
 * @param email the address as given at sign-up
 * @param name the name as given at sign-up
 * @param createdAt when the user signed up, ISO-8601 with offset
 */
public record User(long id, String email, String name, String createdAt) {}
