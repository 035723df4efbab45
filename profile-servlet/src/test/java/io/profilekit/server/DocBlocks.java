package io.profilekit.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a Markdown page, in order, and the shell commands in them: the tests that
 * run the docs read what a reader copies from here, so the docs cannot drift from what runs.
 */
final class DocBlocks {

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("^#{1,6} .*$", Pattern.MULTILINE);

    /** A fenced block: its language ({@code ""} for shown output) and its lines. */
    record Block(String language, List<String> lines) {

        boolean isShell() {
            return language.equals("sh");
        }
    }

    /**
     * A command a reader pastes (continuation lines joined with their newlines), and the lines the
     * page shows it printing: those below a {@code $ command} up to the next one, none for a
     * block of plain commands.
     */
    record Command(String text, List<String> shown) {
    }

    private DocBlocks() {
    }

    /** The blocks of {@code page} from the heading {@code heading} up to the next heading of its level. */
    static List<Block> section(Path page, String heading) throws IOException {
        String text = Files.readString(page);
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalArgumentException(page + " has no heading " + heading);
        }
        Matcher next = HEADING.matcher(text);
        int end = text.length();
        for (int from = start + heading.length() + 1; next.find(from); from = next.end()) {
            if (next.group().indexOf(' ') <= heading.indexOf(' ')) {
                end = next.start();
                break;
            }
        }
        return blocks(text.substring(start, end));
    }

    /** Every block of {@code page}. */
    static List<Block> blocks(Path page) throws IOException {
        return blocks(Files.readString(page));
    }

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            blocks.add(new Block(fence.group(1), List.of(fence.group(2).split("\n"))));
        }
        return blocks;
    }

    /**
     * The commands of a shell block. Where the block marks commands with {@code $ }, the other
     * lines are what the page shows them printing; otherwise every non-blank line is a command.
     */
    static List<Command> commands(Block block) {
        List<String> lines = block.lines();
        boolean prompted = lines.stream().anyMatch(line -> line.startsWith("$ "));
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (prompted && !line.startsWith("$ ") || line.isBlank()) {
                continue;
            }
            StringBuilder command = new StringBuilder(prompted ? line.substring(2) : line);
            while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                command.append('\n').append(lines.get(++i));
            }
            List<String> shown = new ArrayList<>();
            while (prompted && i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
                shown.add(lines.get(++i));
            }
            commands.add(new Command(command.toString(), shown));
        }
        return commands;
    }
}
