package io.herokusdk.examples.springboot;

/**
 * A user as the API shows it and the Redis cache stores it (JSON; public for heroku-redis'
 * Moshi codec).
 *
 * @param id the database id
 * @param email the address as given at sign-up
 * @param name the name as given at sign-up
 * @param createdAt when the user signed up, ISO-8601 UTC
 */
public record UserView(long id, String email, String name, String createdAt) {}
