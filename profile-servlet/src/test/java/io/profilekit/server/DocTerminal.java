package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's terminal for the docs: runs their commands with bash in one working directory, in
 * order, keeping the variables they set. What a reader does by hand it does too: a command that
 * serves runs in the background (another terminal) until {@link #close()}, and a placeholder
 * such as {@code TOKEN=<the printed token>} takes the token the last command printed. The only
 * change it makes to a command is the port: each port a doc names becomes a free one. A curl
 * reports its HTTP status, so that a command whose answer the page does not show must answer 2xx.
 */
final class DocTerminal implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("\\b(8080|8091|9090)\\b");
    private static final Pattern ASSIGNMENT = Pattern.compile("(export )?\\w+=\\S*( \\w+=\\S*)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("(\\w+)=<[^>]+>");
    private static final Pattern PRINTED_TOKEN = Pattern.compile("API token[^\\n]*:\\s+([A-Za-z0-9_-]{20,})");
    private static final Pattern SERVES = Pattern.compile("^(\\w+=\\S+ )*java -jar \\S+\\.jar( -.*)?$");
    private static final Pattern CURL_STATUS = Pattern.compile("^@@curl (\\d{3})$", Pattern.MULTILINE);
    private static final String CURL_REPORTS_STATUS =
            "curl() { command curl -w '%{stderr}@@curl %{http_code}\\n' \"$@\"; }\n";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    /** What a command printed (stdout, then stderr from a line of its own) and the statuses of its curls. */
    record Answer(String output, List<Integer> statuses, int exitStatus) {
    }

    /** A command left serving, everything it printed so far, and the thread that reads it. */
    record Background(String command, Process process, StringBuffer output, Thread reader) {
    }

    private final Path directory;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final StringBuilder variables = new StringBuilder();
    private final List<Background> serving = new ArrayList<>();
    private String lastOutput = "";
    private String lastToken;
    private Background lastServing;

    DocTerminal(Path directory) {
        this.directory = directory;
    }

    /** The command as this terminal runs it: each port the docs name replaced by a free one. */
    String localize(String command) {
        Matcher port = PORT.matcher(command);
        StringBuilder localized = new StringBuilder();
        while (port.find()) {
            port.appendReplacement(localized, String.valueOf(ports.computeIfAbsent(port.group(), any -> freePort())));
        }
        return port.appendTail(localized).toString();
    }

    /** The free port standing in for the docs' {@code port}. */
    int port(int port) {
        return ports.computeIfAbsent(String.valueOf(port), any -> freePort());
    }

    /** Whether the command serves until stopped: a {@code java -jar} without a subcommand. */
    static boolean serves(String command) {
        return SERVES.matcher(command).matches();
    }

    /**
     * Runs {@code command} as the reader would: an assignment is kept for later commands (a
     * placeholder taking the last printed token), a serving command is started in the background
     * and awaited on its port, anything else runs to its end.
     */
    Answer run(String command) throws IOException, InterruptedException {
        String localized = localize(command);
        Matcher placeholder = PLACEHOLDER.matcher(localized);
        if (placeholder.matches()) {
            variables.append(placeholder.group(1)).append('=').append(printedToken(command)).append('\n');
            return new Answer("", List.of(), 0);
        }
        if (ASSIGNMENT.matcher(localized).matches()) {
            variables.append(localized).append('\n');
            return new Answer("", List.of(), 0);
        }
        if (serves(localized)) {
            serve(localized);
            return new Answer("", List.of(), 0);
        }
        return runToEnd(localized);
    }

    /** What the last command printed; for a serving one, what it printed up to now. */
    String lastOutput() {
        return lastServing != null ? lastServing.output().toString() : lastOutput;
    }

    /** The commands left serving, in the order they started. */
    List<Background> serving() {
        return serving;
    }

    /** Stops every serving command with SIGTERM, as Ctrl-C or {@code kill} would, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        for (Background background : serving) {
            background.process().descendants().forEach(ProcessHandle::destroy);
            background.process().toHandle().destroy();
            background.process().waitFor(40, TimeUnit.SECONDS);
            background.reader().join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /**
     * The token printed last: by a command that ran to its end, or by one still serving, which
     * may print it a moment after its port opens.
     */
    private String printedToken(String placeholder) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            if (lastServing != null) {
                Matcher token = PRINTED_TOKEN.matcher(lastServing.output());
                if (token.find()) {
                    return token.group(1);
                }
            }
            if (lastToken != null || Instant.now().isAfter(deadline)) {
                assertThat(lastToken).as("a token printed before " + placeholder).isNotNull();
                return lastToken;
            }
            Thread.sleep(100);
        }
    }

    private void printed(String output) {
        lastServing = null;
        lastOutput = output;
        Matcher token = PRINTED_TOKEN.matcher(output);
        if (token.find()) {
            lastToken = token.group(1);
        }
    }

    private Answer runToEnd(String command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(directory, "stderr", ".txt");
        Process bash = new ProcessBuilder("bash", "-c", CURL_REPORTS_STATUS + variables + command)
                .directory(directory.toFile()).redirectError(errors.toFile()).start();
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(command).isTrue();
        String stderr = Files.readString(errors);
        Files.delete(errors);
        List<Integer> statuses = CURL_STATUS.matcher(stderr).results()
                .map(status -> Integer.valueOf(status.group(1))).toList();
        String separator = output.isEmpty() || output.endsWith("\n") ? "" : "\n";
        printed((output + separator + CURL_STATUS.matcher(stderr).replaceAll("")).replace("\r", ""));
        return new Answer(lastOutput, statuses, bash.exitValue());
    }

    private void serve(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", variables + command)
                .directory(directory.toFile()).redirectErrorStream(true);
        int port = ports.values().stream().filter(free -> command.contains(String.valueOf(free))).findFirst()
                .orElseGet(() -> port(8080));
        builder.environment().putIfAbsent("PROFILE_PORT", String.valueOf(port));
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "output of " + command);
        reader.setDaemon(true);
        reader.start();
        Background background = new Background(command, process, output, reader);
        serving.add(background);
        awaitListening(port, process, output);
        printed(output.toString());
        lastServing = background;
    }

    private static void awaitListening(int port, Process process, StringBuffer output) throws InterruptedException {
        Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("still running; it printed\n" + output).isTrue();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                Thread.sleep(200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listened on " + port + "; it printed\n" + output);
    }

    private static void copy(InputStream from, StringBuffer to) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
            for (int read; (read = reader.read(buffer)) >= 0; ) {
                to.append(buffer, 0, read);
            }
        } catch (IOException ended) {
            to.append("\n(output ended: ").append(ended.getMessage()).append(")\n");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
