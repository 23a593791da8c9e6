package io.herokusdk.examples.springboot;

/**
 * The work-queue payload asking the worker to send a welcome email (JSON on the queue).
 *
 * @param userId the user's id
 * @param email where to send it
 * @param name how to greet the user
 */
public record WelcomeMessage(long userId, String email, String name) {}
