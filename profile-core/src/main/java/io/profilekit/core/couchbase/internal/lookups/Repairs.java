package io.profilekit.core.couchbase.internal.lookups;

import io.profilekit.core.Profile;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.couchbase.internal.kv.ProfileReads;
import io.profilekit.core.internal.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs of lookup entries, off the request's path: confirming a claim whose profile was
 * written but whose confirmation failed, and removing entries readers found stale. A read
 * never waits for one, and never fails because one failed. One daemon thread starts them (the
 * SDK completes them); at most {@link #MAX_PENDING} repairs wait, beyond which new ones are
 * dropped (the entries stay stale, and reads go on ignoring them).
 */
public final class Repairs implements AutoCloseable {

    public static final int MAX_PENDING = 10_000;
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(Repairs.class);

    private final ScheduledThreadPoolExecutor executor;
    private final AtomicInteger pending = new AtomicInteger();
    private final Lookups lookups;
    private final Nicknames nicknames;
    private final ProfileReads reads;

    public Repairs(Lookups lookups, Nicknames nicknames, ProfileReads reads) {
        this.lookups = lookups;
        this.nicknames = nicknames;
        this.reads = reads;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "profilekit-repairs");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Confirms a claim whose profile holds the username, retrying until it is confirmed or
     * its time on the server is over.
     */
    public void confirm(Lookups.Claim claim) {
        retry("confirm a username claim", () -> lookups.confirm(claim), lookups.claimTtl());
    }

    /**
     * Settles the claim of a write whose outcome is unknown: once the profile can be read, the
     * claim is confirmed if the profile holds the username, and left to expire if not.
     */
    public void settle(Lookups.Claim claim, String username) {
        retry("settle the username claim of an unsettled write", () -> reads.holdsUsername(claim.recordId(), username)
                .thenCompose(holds -> holds ? lookups.confirm(claim).thenApply(confirmed -> true)
                        : CompletableFuture.completedFuture(true)), lookups.claimTtl());
    }

    /** Removes the username's entry if it is permanent, names {@code owner}, and that profile no longer holds it. */
    public void staleUsername(String username, long owner) {
        once("remove a stale username entry", () -> releaseUsername(username, owner));
    }

    /**
     * Removes the username's entry if it is permanent, names {@code recordId}, and that profile
     * does not hold the username, all as read before removing: a profile that takes its
     * username back makes the entry pending first (a new CAS), so a cleanup that runs late,
     * after the rename back, finds the profile holding the name or the entry changed, and leaves it.
     */
    public CompletableFuture<Void> releaseUsername(String username, long recordId) {
        return lookups.username(username).thenCompose(entry -> entry.isEmpty() || entry.get().owner() != recordId
                || entry.get().pending()
                ? CompletableFuture.completedFuture(null)
                : reads.holdsUsername(recordId, username).thenCompose(holds -> holds
                        ? CompletableFuture.completedFuture(null)
                        : lookups.remove(username, entry.get())));
    }

    /** Confirms a pending claim a reader found its profile to hold. */
    public void pendingUsername(String username, Lookups.Entry entry) {
        once("confirm a pending username claim", () -> Futures.attempt(() -> lookups.confirm(
                new Lookups.Claim(Keys.username(username), entry.owner(), entry.cas()))));
    }

    /**
     * Removes the nickname's entry for {@code recordId} if that profile does not have the
     * nickname, then looks again and puts it back if the profile has it by now: a create that
     * added the entry before its profile looks for it after, so one of the two sees the other.
     */
    public void staleNickname(String nickname, long recordId) {
        once("remove a stale nickname entry", () -> holdsNickname(recordId, nickname).thenCompose(holds -> holds
                ? CompletableFuture.completedFuture(null)
                : removeNickname(nickname, recordId)));
    }

    /**
     * Removes the nickname's entry for {@code recordId}, then puts it back if that profile has
     * the nickname by now. A writer that gave the profile the nickname meanwhile (a rename back,
     * a create that adopted the record id) looked for the entry after writing; the remover looks
     * at the profile after removing: whichever came second sees the other, so an entry is never
     * lost to a cleanup that ran late.
     */
    public CompletableFuture<Void> removeNickname(String nickname, long recordId) {
        return nicknames.remove(nickname, recordId)
                .thenCompose(removed -> holdsNickname(recordId, nickname))
                .thenCompose(now -> now ? nicknames.add(nickname, recordId) : CompletableFuture.completedFuture(null));
    }

    /** Runs an idempotent fix of entries, retrying while Couchbase does not answer. */
    public void later(String what, Supplier<? extends CompletableFuture<?>> fix) {
        retry(what, () -> Futures.attempt(fix::get).thenApply(done -> true), lookups.claimTtl());
    }

    private CompletableFuture<Boolean> holdsNickname(long recordId, String nickname) {
        return reads.byId(recordId).thenApply(found -> found
                .filter(stored -> ProfileReads.has(stored, nickname, Profile::nickname)).isPresent());
    }

    private void once(String what, Supplier<? extends CompletableFuture<?>> repair) {
        submit(what, () -> Futures.attempt(repair::get).thenApply(done -> true), 0, Duration.ZERO);
    }

    private void retry(String what, Supplier<CompletableFuture<Boolean>> repair, Duration within) {
        submit(what, repair, System.nanoTime() + within.toNanos(), RETRY);
    }

    private void submit(String what, Supplier<CompletableFuture<Boolean>> repair, long deadline, Duration every) {
        if (executor.isShutdown()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            LOG.warn("Dropped a repair ({}): too many are waiting", what);
            return;
        }
        try {
            executor.schedule(() -> run(what, repair, deadline, every), every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            pending.decrementAndGet();
        }
    }

    private void run(String what, Supplier<CompletableFuture<Boolean>> repair, long deadline, Duration every) {
        Futures.attempt(repair).whenComplete((repaired, error) -> {
            pending.decrementAndGet();
            if (error == null) {
                if (!repaired) {
                    LOG.warn("Could not {}: it was lost to another writer", what);
                }
                return;
            }
            if (every.isZero() || System.nanoTime() > deadline) {
                // The message may name a username; the kind of failure does not.
                LOG.warn("Could not {}: {}", what, Futures.unwrap(error).getClass().getSimpleName());
                return;
            }
            submit(what, repair, deadline, every);
        });
    }

    /** Stops the thread; repairs still waiting are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
