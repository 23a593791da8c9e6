package io.herokusdk.examples.springboot;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs users up: the user and its pending welcome email, in one transaction. */
@Service
class SignupService {
  private final UserRepository users;
  private final WelcomeEmailStore welcomeEmails;

  SignupService(UserRepository users, WelcomeEmailStore welcomeEmails) {
    this.users = users;
    this.welcomeEmails = welcomeEmails;
  }

  /**
   * Inserts the user and its {@code welcome_emails} row; both or neither.
   *
   * @throws ApiException 409 if the email is taken (ignoring case)
   */
  @Transactional
  public UserView signUp(SignupRequest request) {
    User user;
    try {
      user = users.save(User.signingUp(request.email(), request.name()));
    } catch (DuplicateKeyException e) {
      throw new ApiException(HttpStatus.CONFLICT, "email_taken",
          "That email address is already signed up.", "email", null);
    }
    welcomeEmails.insertPending(user.id());
    return user.view();
  }
}
