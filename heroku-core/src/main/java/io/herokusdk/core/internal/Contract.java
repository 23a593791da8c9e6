package io.herokusdk.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a method's result depends on its arguments, in JetBrains' contract syntax (for example
 * {@code "!null -> !null"}); NullAway reads it (option {@code CustomContractAnnotations}) so
 * that callers passing a non-null value get a non-null result. Not public API.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Contract {
  /** The contract clauses. */
  String value();
}
