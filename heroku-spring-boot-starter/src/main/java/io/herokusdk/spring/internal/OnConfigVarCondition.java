package io.herokusdk.spring.internal;

import io.herokusdk.spring.ConditionalOnConfigVar;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Evaluates {@link ConditionalOnConfigVar}; the outcome names vars and properties, never values. */
public final class OnConfigVarCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context,
      AnnotatedTypeMetadata metadata) {
    Map<String, Object> attributes =
        metadata.getAnnotationAttributes(ConditionalOnConfigVar.class.getName());
    if (attributes == null) return ConditionOutcome.noMatch("no @ConditionalOnConfigVar");
    Environment env = context.getEnvironment();
    // both attributes have defaults, so Spring always supplies them
    for (String property : (String[]) Objects.requireNonNull(attributes.get("unlessProperty"))) {
      if (isSet(env, property)) {
        return ConditionOutcome.noMatch(property + " is set: the application configures it");
      }
    }
    String[] vars = (String[]) Objects.requireNonNull(attributes.get("value"));
    for (String var : vars) {
      if (isSet(env, var)) return ConditionOutcome.match(var + " is set");
    }
    return ConditionOutcome.noMatch("none of " + String.join(", ", vars) + " is set");
  }

  private static boolean isSet(Environment env, String name) {
    String value = env.getProperty(name);
    return value != null && !value.isBlank();
  }
}
