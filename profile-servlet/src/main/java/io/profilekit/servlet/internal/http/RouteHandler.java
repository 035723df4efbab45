package io.profilekit.servlet.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Answers the calls to some routes: parses what it needs of the request, calls the repository
 * (without blocking), and makes the answer. Failures (an {@link HttpProblem}, a repository error)
 * fail the future, and become the route's error answer.
 */
@FunctionalInterface
public interface RouteHandler {

    CompletableFuture<Answer> handle(Call call);
}
