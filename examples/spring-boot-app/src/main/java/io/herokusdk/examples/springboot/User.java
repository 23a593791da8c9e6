package io.herokusdk.examples.springboot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A signed-up user: the Spring Data JDBC aggregate of table {@code users}.
 *
 * @param id the database id (null until inserted)
 * @param email the address as given at sign-up
 * @param name the name as given at sign-up
 * @param createdAt when the user signed up
 */
@Table("users")
public record User(@Id Long id, String email, String name, Instant createdAt) {
  /** A new user, not yet saved; {@code createdAt} in microseconds, as Postgres keeps it. */
  static User signingUp(String email, String name) {
    return new User(null, email, name, Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  /** What {@code GET /users/{id}} answers and the cache holds. */
  UserView view() {
    return new UserView(id, email, name, createdAt.toString());
  }
}
