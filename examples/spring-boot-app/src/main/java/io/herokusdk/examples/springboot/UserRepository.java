package io.herokusdk.examples.springboot;

import org.springframework.data.repository.CrudRepository;

/** Users in Postgres (schema: {@code db/migration}); Spring Data JDBC implements it. */
interface UserRepository extends CrudRepository<User, Long> {}
