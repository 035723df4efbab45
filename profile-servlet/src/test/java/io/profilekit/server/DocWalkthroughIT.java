package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md, docs/quickstart.md and the CouchbaseMock section of docs/couchbase.md, followed as
 * a newcomer would: every shell command pasted in order into a {@link DocTerminal} whose
 * working directory holds copies of the repository's pom.xml and of the server jar this build
 * made, and every answer the page shows (a {@code $ command}'s lines, an output block below a
 * command) found in what it printed, with digits, tokens and {@code ...} free to differ. A
 * command whose answer the page does not show must succeed, and each of its curls answer 2xx.
 * Two commands are not run: the {@code mvn ... install} that precedes starting the jar (this
 * build made the jar) and {@code mvn -B verify} (this build is that command).
 */
class DocWalkthroughIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path SERVER_JAR = Path.of("profile-servlet/target/profile-server.jar");
    private static final String INSTALL_THEN = "mvn -q -B -DskipTests install && ";
    private static final Pattern VARIABLE_PART = Pattern.compile("[A-Za-z0-9_-]{32,}|\\d+|\\.\\.\\.");

    @TempDir
    Path directory;

    @BeforeEach
    void checkOutTheRepository() throws Exception {
        Files.copy(REPOSITORY.resolve("pom.xml"), directory.resolve("pom.xml"));
        Files.createDirectories(directory.resolve(SERVER_JAR).getParent());
        Files.copy(REPOSITORY.resolve(SERVER_JAR), directory.resolve(SERVER_JAR));
    }

    @Test
    void readmeRunItWorksAsPrinted() throws Exception {
        try (DocTerminal terminal = new DocTerminal(directory)) {
            follow(DocBlocks.section(REPOSITORY.resolve("README.md"), "## Run it"), terminal);
        }
    }

    @Test
    void quickstartWorksAsPrintedAndEachServerStopsGracefully() throws Exception {
        List<DocTerminal.Background> servers;
        try (DocTerminal terminal = new DocTerminal(directory)) {
            follow(DocBlocks.blocks(REPOSITORY.resolve("docs/quickstart.md")), terminal);
            servers = terminal.serving();
        }
        assertThat(servers).hasSize(2).allSatisfy(server ->
                assertThat(server.output().toString()).as(server.command()).contains("profilekit stopped"));
    }

    @Test
    void couchbaseMockSectionWorksAsPrinted() throws Exception {
        try (DocTerminal terminal = new DocTerminal(directory)) {
            follow(DocBlocks.section(REPOSITORY.resolve("docs/couchbase.md"), "## Trying it locally with CouchbaseMock"),
                    terminal);
        }
    }

    /**
     * Runs every shell block's commands; an output block is what the command before it printed,
     * so that command may also fail (the page shows how), and the others must succeed.
     */
    private static void follow(List<DocBlocks.Block> blocks, DocTerminal terminal) throws Exception {
        for (int b = 0; b < blocks.size(); b++) {
            DocBlocks.Block block = blocks.get(b);
            if (block.isShell()) {
                boolean answerShown = b + 1 < blocks.size() && blocks.get(b + 1).language().isEmpty();
                List<DocBlocks.Command> commands = DocBlocks.commands(block);
                for (int c = 0; c < commands.size(); c++) {
                    run(commands.get(c), terminal, answerShown && c == commands.size() - 1);
                }
            } else if (block.language().isEmpty()) {
                assertPrintedSoon(block.lines(), terminal);
            }
        }
    }

    private static void run(DocBlocks.Command command, DocTerminal terminal, boolean answerShownBelow) throws Exception {
        String text = command.text();
        if (text.equals("mvn -B verify")) {
            return;
        }
        DocTerminal.Answer answer = terminal.run(text.startsWith(INSTALL_THEN) ? text.substring(INSTALL_THEN.length()) : text);
        if (answerShownBelow) {
            return;
        }
        if (command.shown().isEmpty()) {
            assertThat(answer.exitStatus()).as(text + "\nprinted\n" + answer.output()).isZero();
            assertThat(answer.statuses()).as(text).allSatisfy(status -> assertThat(status).isBetween(200, 299));
        } else {
            assertPrinted(command.shown(), answer.output());
        }
    }

    /** {@link #assertPrinted}, allowing a serving command a while to print what the page shows. */
    private static void assertPrintedSoon(List<String> shown, DocTerminal terminal) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                assertPrinted(shown, terminal.lastOutput());
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Each shown line, in order, matches a whole printed line, after the line before matched. */
    private static void assertPrinted(List<String> shown, String printed) {
        List<String> lines = printed.lines().toList();
        int next = 0;
        for (String line : shown) {
            if (line.strip().equals("...")) {
                continue;
            }
            Pattern pattern = loosely(line);
            while (next < lines.size() && !pattern.matcher(lines.get(next)).matches()) {
                next++;
            }
            assertThat(next).as("the page shows\n" + line + "\nin order in what was printed:\n" + printed)
                    .isLessThan(lines.size());
            next++;
        }
    }

    private static Pattern loosely(String shown) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = VARIABLE_PART.matcher(shown);
        int from = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(shown.substring(from, variable.start())));
            String part = variable.group();
            regex.append(part.equals("...") ? ".*" : Character.isDigit(part.charAt(0)) && part.chars().allMatch(Character::isDigit)
                    ? "\\d+" : "[A-Za-z0-9_-]+");
            from = variable.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(shown.substring(from))).toString());
    }
}
