package io.profilekit.servlet.internal.servlet;

import io.profilekit.servlet.internal.http.Answer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * Writes a body made piece by piece ({@link Answer.Chunks}) without blocking: the next piece is
 * asked for once the one before is written, and written once the stream is ready, from whichever
 * thread gets there (the container's, when the stream becomes ready; the store's, when a piece
 * arrives). A piece that fails ends the answer there: the servlet API has no way to abort a
 * committed answer, so the client sees a shorter body (Jetty's own handler aborts instead).
 */
final class ChunkWriter implements WriteListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Answer.Chunks chunks;
    private byte[] pending;
    private boolean asking;
    private boolean finished;

    ChunkWriter(AsyncContext async, ServletOutputStream out, Answer.Chunks chunks) {
        this.async = async;
        this.out = out;
        this.chunks = chunks;
    }

    @Override
    public synchronized void onWritePossible() throws IOException {
        while (!finished && out.isReady()) {
            if (pending != null) {
                byte[] chunk = pending;
                pending = null;
                out.write(chunk);
            } else if (asking) {
                return;
            } else {
                asking = true;
                chunks.next().whenComplete(this::arrived);
                return;
            }
        }
    }

    private synchronized void arrived(byte[] chunk, Throwable failure) {
        asking = false;
        if (failure != null || chunk.length == 0) {
            finished = true;
            async.complete();
            return;
        }
        pending = chunk;
        try {
            onWritePossible();
        } catch (IOException e) {
            onError(e);
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        finished = true;
        async.complete();
    }
}
