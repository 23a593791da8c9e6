/**
 * Test support: {@link io.herokusdk.spring.test.HerokuTestServices} wires fresh embedded
 * PostgreSQL and Redis databases into a {@code @SpringBootTest}. Needs heroku-testing and
 * spring-test on the test classpath.
 */
@NullMarked
package io.herokusdk.spring.test;

import org.jspecify.annotations.NullMarked;
