package io.profilekit.core.internal;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The few combinators profilekit's asynchronous code needs beyond {@link CompletableFuture}'s
 * own: failures seen without the {@link CompletionException} wrapping that later stages add, and
 * a next step chosen by outcome.
 */
public final class Futures {

    private Futures() {
    }

    /** The failure a {@link CompletionException} or {@link ExecutionException} carries, or the failure itself. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The operation's future, or a failed one when it threw before returning one. */
    @SuppressWarnings("unchecked") // a future of a subtype is read only, so it is one of T
    public static <T> CompletableFuture<T> attempt(Supplier<? extends CompletableFuture<? extends T>> operation) {
        try {
            CompletableFuture<T> future = (CompletableFuture<T>) operation.get();
            return future != null ? future : CompletableFuture.failedFuture(
                    new IllegalStateException("an operation returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Continues with the future {@code next} makes of the outcome: the value and {@code null},
     * or {@code null} and the unwrapped failure. What {@code next} throws fails the result.
     */
    public static <T, R> CompletableFuture<R> then(CompletableFuture<T> future,
            BiFunction<? super T, Throwable, ? extends CompletableFuture<R>> next) {
        return future.handle((value, error) -> attempt(() -> next.apply(value, error == null ? null : unwrap(error))))
                .thenCompose(step -> step);
    }

    /**
     * Waits for the future (for code that blocks by design: the blocking face, maintenance
     * commands) and answers its value, or throws the failure it carries, unwrapped.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            throw rethrow(e);
        }
    }

    /** {@code error} as a failed future, unwrapped. */
    public static <T> CompletableFuture<T> failed(Throwable error) {
        return CompletableFuture.failedFuture(unwrap(error));
    }

    /** {@code error} unwrapped, to rethrow from a stage: runtime failures as they are, others wrapped. */
    public static RuntimeException rethrow(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error fatal) {
            throw fatal;
        }
        return new CompletionException(cause);
    }

    /**
     * Runs {@code step} with attempt numbers 0, 1, ... until it completes with a value, at most
     * {@code attempts} times; an empty outcome asks for another attempt. After the last, fails
     * with what {@code exhausted} makes.
     */
    public static <T> CompletableFuture<T> loop(int attempts, IntFunction<CompletableFuture<Optional<T>>> step,
            Supplier<? extends RuntimeException> exhausted) {
        return loop(0, attempts, step, exhausted);
    }

    private static <T> CompletableFuture<T> loop(int attempt, int attempts,
            IntFunction<CompletableFuture<Optional<T>>> step, Supplier<? extends RuntimeException> exhausted) {
        if (attempt >= attempts) {
            return CompletableFuture.failedFuture(exhausted.get());
        }
        return attempt(() -> step.apply(attempt)).thenCompose(outcome -> outcome.isPresent()
                ? CompletableFuture.completedFuture(outcome.get())
                : loop(attempt + 1, attempts, step, exhausted));
    }

    /** A loop step's outcome: done, with {@code value}. */
    public static <T> CompletableFuture<Optional<T>> done(T value) {
        return CompletableFuture.completedFuture(Optional.of(value));
    }

    /** A loop step's outcome: not done, try again. */
    public static <T> CompletableFuture<Optional<T>> again() {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
