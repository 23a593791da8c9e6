package io.herokusdk.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} on heroku-testing's embedded servers, the way {@code
 * @ServiceConnection} does with containers: the test's context gets {@code DATABASE_URL} for a
 * fresh database on the shared embedded PostgreSQL (TLS, password auth) and {@code REDIS_URL} /
 * {@code REDIS_TLS_URL} for an emptied Redis index over TLS, above every other property source.
 * Test classes with the same settings share one context (and so one database).
 *
 * <pre>{@code
 * @SpringBootTest
 * @HerokuTestServices
 * class SignupTest { @Autowired DataSource db; ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@Inherited
public @interface HerokuTestServices {
  /**
   * Whether to provide {@code DATABASE_URL}.
   *
   * @return true (the default) for a fresh database on the embedded PostgreSQL
   */
  boolean postgres() default true;

  /**
   * Whether to provide {@code REDIS_URL} and {@code REDIS_TLS_URL}.
   *
   * @return true (the default) for an emptied index on the embedded Redis
   */
  boolean redis() default true;
}
