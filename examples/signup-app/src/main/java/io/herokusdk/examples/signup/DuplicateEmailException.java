package io.herokusdk.examples.signup;

/** A sign-up used an email address that is already registered (ignoring case). */
final class DuplicateEmailException extends Exception {
  private static final long serialVersionUID = 1L;

  DuplicateEmailException() {
    super("That email address is already signed up.");
  }
}
