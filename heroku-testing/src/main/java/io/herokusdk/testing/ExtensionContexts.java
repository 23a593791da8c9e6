package io.herokusdk.testing;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Finds the context of the test class a parameter is resolved for. */
final class ExtensionContexts {
  private ExtensionContexts() {}

  /** The nearest enclosing context that belongs to a class rather than a method. */
  static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
