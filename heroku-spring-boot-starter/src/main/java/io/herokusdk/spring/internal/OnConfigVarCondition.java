package io.herokusdk.spring.internal;

import io.herokusdk.spring.ConditionalOnConfigVar;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Evaluates {@link ConditionalOnConfigVar}; the outcome names vars and properties, never values.
 *
 * <p>A {@code spring.*} property that only repeats what Heroku's Java buildpack derived from the
 * add-on's config var does not count as set: on every dyno the buildpack exports {@code
 * SPRING_DATASOURCE_URL} = {@code JDBC_DATABASE_URL} (from {@code DATABASE_URL}) and, in some
 * versions, {@code SPRING_DATA_REDIS_URL} = {@code REDIS_URL}, which would otherwise make the
 * starter back off on Heroku for a copy that lost the pooler settings and encoded passwords.
 */
public final class OnConfigVarCondition extends SpringBootCondition {
  /** Property → the config var whose value the buildpack copies into it. */
  private static final Map<String, String> BUILDPACK_COPIES = Map.of(
      "spring.datasource.url", "JDBC_DATABASE_URL",
      "spring.data.redis.url", "REDIS_URL");

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context,
      AnnotatedTypeMetadata metadata) {
    Map<String, @Nullable Object> attributes =
        metadata.getAnnotationAttributes(ConditionalOnConfigVar.class.getName());
    if (attributes == null) return ConditionOutcome.noMatch("no @ConditionalOnConfigVar");
    Environment env = context.getEnvironment();
    // Spring supplies every attribute: unlessProperty's default, and the required value
    for (String property : (String[]) Objects.requireNonNull(attributes.get("unlessProperty"))) {
      if (isSet(env, property) && !isBuildpackCopy(env, property)) {
        return ConditionOutcome.noMatch(property + " is set: the application configures it");
      }
    }
    String[] vars = (String[]) Objects.requireNonNull(attributes.get("value"));
    for (String var : vars) {
      if (isSet(env, var)) return ConditionOutcome.match(var + " is set");
    }
    return ConditionOutcome.noMatch("none of " + String.join(", ", vars) + " is set");
  }

  private static boolean isBuildpackCopy(Environment env, String property) {
    String source = BUILDPACK_COPIES.get(property);
    return source != null && Objects.equals(env.getProperty(property), env.getProperty(source));
  }

  private static boolean isSet(Environment env, String name) {
    String value = env.getProperty(name);
    return value != null && !value.isBlank();
  }
}
