package io.herokusdk.spring;

import io.herokusdk.spring.internal.OnConfigVarCondition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when one of {@link #value()} (config vars, read from Spring's Environment) is set and
 * none of {@link #unlessProperty()} (the standard {@code spring.*} properties that configure the
 * same thing) is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnConfigVarCondition.class)
public @interface ConditionalOnConfigVar {
  /**
   * Config vars of which at least one must be set.
   *
   * @return config var names, such as {@code {"REDIS_URL", "REDIS_TLS_URL"}}; set means non-blank
   */
  String[] value();

  /**
   * Properties any of which, when set, makes the condition fail (the user configured it).
   *
   * @return Spring property names, such as {@code "spring.datasource.url"}; none by default. A
   *     value that only repeats the Java buildpack's copy of the config var does not count
   */
  String[] unlessProperty() default {};
}
