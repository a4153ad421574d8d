package io.modelcards.parse;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Table;
import io.modelcards.source.ContentScanner;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Parse stage entry point: source files → models. Each level-1 section becomes a {@link Model} whose blocks
 * hold, in source order, every paragraph, heading, table (Markdown or HTML), code block and list.
 */
public final class ModelCardParser {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator TABLES = org.jsoup.select.QueryParser.parse("table");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern OPEN_WORD = Pattern.compile("(?s).*\\bopen\\b.*");
    private static final Pattern INLINE_HTML_START = Pattern.compile(
            "(?is)^\\s*<(br|nobr|span|b|i|em|strong|a|img|sup|sub|small|code|kbd|u|s|del|ins|mark)\\b.*");

    private static final String ZWSP = "\u200B";

    private final MarkdownEngine markdown = new MarkdownEngine();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final SectionSplitter splitter = new SectionSplitter(markdown);
    private final GfmTableReader gfmTables = new GfmTableReader(markdown, sanitizer);
    private final HtmlTableReader htmlTables = new HtmlTableReader(sanitizer);

    /** Parses every file; models come out in file order, then source order. Slugs are unique. */
    public List<Model> parse(List<SourceFile> files, Diagnostics diagnostics) {
        // what the cards repeat of each other (texts, numbers, cells) is held once
        return parse(files, diagnostics, new Interner()::intern);
    }

    /**
     * Like {@link #parse(List, Diagnostics)}, with each model as {@code keep} holds it (a build holds their blocks
     * encoded), given on the core that parsed it.
     */
    public List<Model> parse(List<SourceFile> files, Diagnostics diagnostics, java.util.function.UnaryOperator<Model> keep) {
        return parseEach(files, f -> f, diagnostics, keep);
    }

    /**
     * Like {@link #parse(List, Diagnostics, java.util.function.UnaryOperator)}, each file read on the core that parses
     * it: a build holds the texts of a few files at a time, not the whole content's (105 MB at 10,000 cards).
     */
    public List<Model> read(List<ContentScanner.Found> found, Diagnostics diagnostics,
                            java.util.function.UnaryOperator<Model> keep) {
        return read(found, diagnostics, keep, null);
    }

    /** Like {@link #read(List, Diagnostics, java.util.function.UnaryOperator)}, each file's bytes given to {@code bytesRead}. */
    public List<Model> read(List<ContentScanner.Found> found, Diagnostics diagnostics,
                            java.util.function.UnaryOperator<Model> keep,
                            java.util.function.BiConsumer<java.nio.file.Path, byte[]> bytesRead) {
        return parseEach(found, f -> f.read(diagnostics, bytesRead), diagnostics, keep);
    }

    private <T> List<Model> parseEach(List<T> inputs, java.util.function.Function<T, SourceFile> source,
                                      Diagnostics diagnostics, java.util.function.UnaryOperator<Model> keep) {
        // files are independent: parse them on every core, keeping their order
        List<Model> models = new ArrayList<>();
        for (List<Model> fromFile : inputs.parallelStream().map(x -> {
            SourceFile f = source.apply(x);
            if (f == null) return List.<Model>of();
            List<Model> parsed = parseFile(f, diagnostics);
            List<Model> kept = new ArrayList<>(parsed.size());
            for (Model m : parsed) kept.add(keep.apply(m));
            return kept;
        }).toList()) {
            models.addAll(fromFile);
        }
        return assignSlugs(models, diagnostics);
    }

    /** Parses one file; slugs are provisional until {@link #assignSlugs}. */
    public List<Model> parseFile(SourceFile file, Diagnostics diagnostics) {
        NestingCheck.Deepest deepest = NestingCheck.deepest(file);
        if (deepest.depth() > NestingCheck.MAX_DEPTH) {
            diagnostics.error(SourcePosition.of(file.path(), deepest.line()), "nesting too deep: " + deepest.depth()
                    + " levels of block quotes or lists (at most " + NestingCheck.MAX_DEPTH + ")");
            return List.of();
        }
        // One bad file must not stop the build, and bad content must never end in a stack trace: anything
        // flexmark or jsoup throw becomes an error on this file (the message asks for a bug report).
        Diagnostics local = new Diagnostics();
        try {
            List<Model> models = new ArrayList<>();
            for (Section s : splitter.split(file, local)) models.add(parseSection(s, local));
            models = FrontMatterResults.attach(models, file, local);
            diagnostics.addAll(local);
            return models;
        } catch (StackOverflowError e) {
            int[] longest = NestingCheck.longestLine(file.text());
            diagnostics.error(SourcePosition.of(file.path(), longest[0]), "cannot parse this file: nesting too deep"
                    + " or a line too long for the Markdown parser (the longest line, " + longest[0] + ", has "
                    + longest[1] + " characters)");
        } catch (RuntimeException e) {
            diagnostics.error(SourcePosition.of(file.path(), 1), "cannot parse this file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
                    + "); this is a bug in modelcards, please report it with the file");
        }
        return List.of();
    }

    /**
     * Makes slugs unique in order, keeping each model's own slug where it is free; reports two models with the
     * same id (for a collection section, its name) as an error naming both places.
     */
    public static List<Model> assignSlugs(List<Model> models, Diagnostics diagnostics) {
        // sized once: serve does this for the whole catalogue on every edit
        Map<String, Model> byId = new HashMap<>(models.size() * 2);
        Set<String> used = new HashSet<>(models.size() * 2 + 16);
        used.addAll(List.of("assets", "css", "js", "img", "benchmarks", "datasets", "schema"));
        List<Model> out = new ArrayList<>(models.size());
        for (Model m : models) {
            String key = idKey(m);
            Model first = byId.putIfAbsent(key, m);
            if (first != null) {
                String what = m.id().equals(m.name()) ? "duplicate model name \"" : "duplicate model id \"";
                diagnostics.error(m.origin(), what + m.id() + "\"; first defined at " + first.origin());
                diagnostics.error(first.origin(), what + m.id() + "\"; defined again at " + m.origin());
            }
            String base = baseSlug(m);
            String slug = base;
            for (int i = 2; !used.add(slug); i++) slug = base + "-" + i;
            out.add(slug.equals(m.slug()) ? m : m.withSlug(slug));
        }
        return out;
    }

    /** What {@link #assignSlugs} tells models apart by: two models with the same key are a duplicate. */
    public static String idKey(Model m) {
        return m.id().toLowerCase(Locale.ROOT);
    }

    /**
     * The slug {@link #assignSlugs} starts from for {@code m}: its provisional one, or its name's; the slug it assigns
     * is this one, or this one with "-2", "-3"… when a model before it took it.
     */
    public static String baseSlug(Model m) {
        return m.slug().isEmpty() ? Slugs.slug(m.name()) : m.slug();
    }

    Model parseSection(Section section, Diagnostics diagnostics) {
        SourceFile file = section.file();
        SourcePosition origin = SourcePosition.of(file.path(), section.line());
        List<Block> blocks = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        HeadingIds headingIds = new HeadingIds(); // GitHub's ids, so that anchors written for the Hub resolve
        int tableCount = 0;
        int[] details = {0}; // <details> elements open at this point of the section
        int[] callouts = {0}; // doc-builder <Tip> callouts open at this point of the section
        String lastHeading = section.name();
        if (section.heading() != null && section.heading().getText().indexOf('<') >= 0) {
            sanitizer.clean(SequenceText.of(section.heading().getText()), origin, diagnostics); // warnings only
            addHeadingAnchors(section.heading(), origin, blocks, diagnostics);
        }
        List<NodeAt> nodes = expand(section.nodes(), section.baseOffset());
        for (int i = 0; i < nodes.size(); i++) {
            NodeAt item = nodes.get(i);
            Node n = item.node();
            int base = item.base();
            int offset = base + n.getStartOffset();
            SourcePosition at = file.at(offset);
            at = SourcePosition.of(at.path(), at.line());
            if (n instanceof Heading h) {
                // heading text is read as HTML by InlineText: report what that drops
                if (h.getText().indexOf('<') >= 0) {
                    sanitizer.clean(SequenceText.of(h.getText()), at, diagnostics);
                    addHeadingAnchors(h, at, blocks, diagnostics);
                }
                String text = EmojiShortcodes.inText(InlineText.plain(MarkdownEngine.text(h, h.getText())));
                String id = headingIds.next(anchorText(h));
                blocks.add(new Block.Heading(Math.max(2, h.getLevel()), text, id, at));
                lastHeading = text;
            } else if (n instanceof TableBlock tb) {
                tableCount++;
                Table t = gfmTables.read(tb, "table-" + tableCount, caption(lastHeading, tableCount), file, base, diagnostics);
                blocks.add(new Block.TableBlock(t));
                links.addAll(t.links());
            } else if (n instanceof FencedCodeBlock fc) {
                String info = fc.getInfo().toString().strip();
                String lang = info.isEmpty() ? "" : SPACES.split(info)[0];
                blocks.add(new Block.Code(lang, fc.getContentChars().toString(), at));
            } else if (n instanceof IndentedCodeBlock ic) {
                blocks.add(new Block.Code("", ic.getContentChars().toString(), at));
            } else if (n instanceof ListBlock list) {
                tableCount = list(list, base, at, file, blocks, links, tableCount, lastHeading, diagnostics);
            } else if (n instanceof HtmlCommentBlock || n instanceof Reference || n instanceof FootnoteBlock) {
                continue; // comments are hidden by their author; reference definitions are used by their links
            } else if (n instanceof HtmlBlock hb) {
                Html html = new Html(SequenceText.of(hb.getChars()), base + hb.getStartOffset(), base + hb.getEndOffset());
                if (DocBuilderTags.mayHaveTag(html.raw())) {
                    tableCount = docBuilder(html, file, blocks, links, tableCount, lastHeading, details, callouts, diagnostics);
                } else {
                    int last = HtmlTableExtent.end(nodes, i, html.raw(), file.text());
                    if (last > i) {
                        // the table goes on past a blank line: read its whole source as one piece of HTML
                        NodeAt end = nodes.get(last);
                        int to = end.base() + end.node().getEndOffset();
                        html = new Html(HtmlTableExtent.slice(file.text(), html.from(), to), html.from(), to);
                        i = last;
                    }
                    tableCount = detailsOrHtml(html, file, at, blocks, links, tableCount, lastHeading, details, diagnostics);
                }
            } else if (n instanceof Paragraph p && p.getChars().indexOf('<') >= 0 && DocBuilderTags.isOnlyTags(p.getChars())) {
                Html html = new Html(SequenceText.of(p.getChars()), base + p.getStartOffset(), base + p.getEndOffset());
                tableCount = docBuilder(html, file, blocks, links, tableCount, lastHeading, details, callouts, diagnostics);
            } else if (n instanceof Paragraph p && p.getChars().startsWith("[[")
                    && DocBuilderTags.directive(SequenceText.of(p.getChars())) != null) {
                String directive = DocBuilderTags.directive(SequenceText.of(p.getChars()));
                if (!directive.isEmpty()) blocks.add(new Block.Prose(directive, TableBuilder.text(directive), at));
            } else {
                String clean = sanitizer.clean(markdown.render(n), at, diagnostics);
                if (clean.isBlank()) continue;
                if (n instanceof BlockQuote) clean = Alerts.apply(clean);
                // a paragraph's text and links read in one pass when it is inline markup (most are)
                InlineFragment inline = clean.contains("<a") ? InlineFragment.of(clean) : null;
                blocks.add(new Block.Prose(clean, inline != null ? inline.text() : TableBuilder.text(clean), at));
                links.addAll(linksOf(clean, inline, file, offset, base + n.getEndOffset()));
            }
        }
        // a details element or callout left open ends with the section, as a browser would end it with the page
        for (; callouts[0] > 0; callouts[0]--) blocks.add(new Block.CalloutEnd(blocks.get(blocks.size() - 1).origin()));
        for (; details[0] > 0; details[0]--) blocks.add(new Block.DetailsEnd(blocks.get(blocks.size() - 1).origin()));
        String notes = Footnotes.html(section.nodes(), markdown);
        if (!notes.isEmpty()) {
            SourcePosition at = section.nodes().stream().filter(n -> n instanceof FootnoteBlock).findFirst()
                    .map(n -> file.atLine(file.lines().line(section.baseOffset() + n.getStartOffset()))).orElse(origin);
            String clean = sanitizer.clean(notes, at, diagnostics);
            blocks.add(new Block.Prose(clean, TableBuilder.text(clean), at));
        }
        if (blocks.isEmpty() && section.id().equals(section.name())) diagnostics.warning(origin, "model \"" + section.name() + "\" has no content below its heading");
        String heading = section.heading() == null ? section.name() : section.name();
        String slug = Slugs.slug(section.isHubCard() ? section.id() : section.name());
        return new Model(slug, section.name(), heading, origin, summary(blocks), file.frontMatter(), blocks,
                List.of(), links, List.of(), section.id());
    }

    /**
     * A list: each item rendered and sanitized, tables written inside items read as tables after it; returns the
     * section's table count. (Apart from {@link #parseSection}, which C2 compiled into 77 KB of code in 262 ms.)
     */
    private int list(ListBlock list, int base, SourcePosition at, SourceFile file, List<Block> blocks, List<Link> links,
                     int tableCount, String lastHeading, Diagnostics diagnostics) {
        List<String> items = new ArrayList<>();
        List<Integer> itemLines = new ArrayList<>();
        List<NodeAt[]> tables = new ArrayList<>(); // tables written inside the items: first and last node
        for (Node li = list.getFirstChild(); li != null; li = li.getNext()) {
            if (!(li instanceof ListItem)) continue;
            StringBuilder html = new StringBuilder();
            Node content = li;
            int contentBase = base;
            if (li instanceof TaskListItem task && !isTask(task)) {
                // "- [x](url)" is a link on GitHub, which wants a space after a task's box: read it again
                int from = task.getMarkerSuffix().getStartOffset();
                content = markdown.parse(task.getChars().baseSubSequence(from, task.getEndOffset()).toString(),
                        MathSpans.of(task));
                contentBase = base + from;
            }
            List<NodeAt> kids = new ArrayList<>();
            for (Node c = content.getFirstChild(); c != null; c = c.getNext()) kids.add(new NodeAt(c, contentBase));
            for (int k = 0; k < kids.size(); k++) {
                Node c = kids.get(k).node();
                if (c instanceof TableBlock) {
                    tables.add(new NodeAt[] {kids.get(k), kids.get(k)});
                    continue;
                }
                if (c instanceof HtmlBlock hb && HtmlTableExtent.opensTable(hb.getChars())) {
                    int last = HtmlTableExtent.end(kids, k, SequenceText.of(hb.getChars()), file.text());
                    tables.add(new NodeAt[] {kids.get(k), kids.get(last)});
                    k = last;
                    continue;
                }
                html.append(markdown.render(c));
            }
            if (html.length() == 0) continue;
            SourcePosition itemAt = file.atLine(file.lines().line(base + li.getStartOffset()));
            String itemHtml = unwrapSingleParagraph(html.toString());
            // the item is rendered child by child, so its checkbox is added here (in its first paragraph)
            if (li instanceof TaskListItem task && isTask(task)) itemHtml = withCheckbox(itemHtml, task.isItemDoneMarker());
            String clean = sanitizer.clean(itemHtml, itemAt, diagnostics);
            items.add(clean);
            itemLines.add(itemAt.line());
            links.addAll(linksOf(clean, file, base + li.getStartOffset(), base + li.getEndOffset()));
        }
        if (!items.isEmpty()) blocks.add(new Block.ListBlock(list instanceof OrderedList, items, at, itemLines));
        return listTables(tables, file, blocks, links, tableCount, lastHeading, diagnostics);
    }

    private static final Pattern DELIMITER_ROW = Pattern.compile(
            "^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");

    /**
     * GitHub lets a table start right after a paragraph line (no blank line between); CommonMark's flexmark
     * keeps such a table inside the paragraph. Split those paragraphs and parse each part with flexmark again.
     */
    private List<NodeAt> expand(List<Node> nodes, int base) {
        List<NodeAt> out = new ArrayList<>();
        for (Node n : nodes) {
            if (!(n instanceof com.vladsch.flexmark.ast.Paragraph)) {
                out.add(new NodeAt(n, base));
                continue;
            }
            String text = SequenceText.of(n.getChars());
            String[] lines = text.split("\n", -1);
            int split = -1;
            int lineOffset = 0;
            for (int i = 0; i + 1 < lines.length; i++) {
                if (i > 0 && lines[i].contains("|") && lines[i + 1].contains("|") && lines[i + 1].contains("-")
                        && DELIMITER_ROW.matcher(lines[i + 1]).matches()) {
                    split = lineOffset;
                    break;
                }
                lineOffset += lines[i].length() + 1;
            }
            if (split < 0) {
                out.add(new NodeAt(n, base));
                continue;
            }
            int start = base + n.getStartOffset();
            MathSpans math = MathSpans.of(n);
            for (Node c = markdown.parse(text.substring(0, split), math).getFirstChild(); c != null; c = c.getNext()) {
                out.add(new NodeAt(c, start));
            }
            List<Node> rest = new ArrayList<>();
            for (Node c = markdown.parse(text.substring(split), math).getFirstChild(); c != null; c = c.getNext()) rest.add(c);
            out.addAll(expand(rest, start + split));
        }
        return out;
    }

    /**
     * The tables of a list's items, shown after the list as tables of their own (a card puts a results table
     * under a bullet such as "Zero-shot retrieval:"): GFM tables, and HTML from an opening block to the node that
     * closes it (the same node unless a blank line split the table).
     */
    private int listTables(List<NodeAt[]> tables, SourceFile file, List<Block> blocks, List<Link> links, int tableCount,
                           String lastHeading, Diagnostics diagnostics) {
        for (NodeAt[] pair : tables) {
            NodeAt item = pair[0];
            int from = item.base() + item.node().getStartOffset();
            SourcePosition at = file.atLine(file.lines().line(from));
            if (item.node() instanceof TableBlock tb) {
                tableCount++;
                Table table = gfmTables.read(tb, "table-" + tableCount, caption(lastHeading, tableCount), file, item.base(), diagnostics);
                blocks.add(new Block.TableBlock(table));
                links.addAll(table.links());
                continue;
            }
            int to = pair[1].base() + pair[1].node().getEndOffset();
            Html html = new Html(HtmlTableExtent.slice(file.text(), from, to), from, to);
            tableCount = htmlBlock(html, file, at, blocks, links, tableCount, lastHeading, diagnostics);
        }
        return tableCount;
    }

    /** Raw HTML of the source and where it is: {@code from} and {@code to} are offsets into the file. */
    private record Html(String raw, int from, int to) {
        Html part(int start, int end) {
            return new Html(raw.substring(start, end), from + start, from + end);
        }
    }

    private static final Pattern DETAILS_OPEN = Pattern.compile(
            "(?is)\\s*<details(\\s[^>]*)?>\\s*(?:<summary(?:\\s[^>]*)?>(.*?)</summary\\s*>)?");
    private static final Pattern DETAILS_TAG = Pattern.compile("(?i)<(/?)details\\b");

    /**
     * CommonMark ends an HTML block at a blank line, so in {@code <details><summary>…</summary>}, a blank line,
     * then Markdown (a table, a code fence) and {@code </details>}, the Markdown would follow the element. A
     * block that opens a details element without closing it becomes a {@link Block.DetailsStart}; the blocks up
     * to the HTML block that closes it are inside ({@link Block.DetailsEnd}).
     */
    private int detailsOrHtml(Html html, SourceFile file, SourcePosition at, List<Block> blocks, List<Link> links,
                              int tableCount, String lastHeading, int[] details, Diagnostics diagnostics) {
        String raw = html.raw();
        Matcher open = DETAILS_OPEN.matcher(raw);
        if (details[0] > 0) {
            int close = raw.toLowerCase(Locale.ROOT).indexOf("</details");
            int end = close < 0 ? -1 : raw.indexOf('>', close);
            if (close >= 0 && end >= 0 && opens(raw.substring(0, close)) == 0) {
                if (!raw.substring(0, close).isBlank()) {
                    tableCount = htmlBlock(html.part(0, close), file, at, blocks, links, tableCount, lastHeading, diagnostics);
                }
                blocks.add(new Block.DetailsEnd(file.atLine(file.lines().line(html.from() + close))));
                details[0]--;
                if (raw.substring(end + 1).isBlank()) return tableCount;
                return detailsOrHtml(html.part(end + 1, raw.length()), file, at, blocks, links, tableCount, lastHeading,
                        details, diagnostics);
            }
        }
        if (open.lookingAt() && opens(raw) > 0) {
            String summary = open.group(2) == null ? "Details" : sanitizer.clean(open.group(2).strip(), at, diagnostics);
            boolean isOpen = open.group(1) != null && OPEN_WORD.matcher(open.group(1).toLowerCase(Locale.ROOT)).matches();
            blocks.add(new Block.DetailsStart(summary, isOpen, at));
            details[0]++;
            if (raw.substring(open.end()).isBlank()) return tableCount;
            return detailsOrHtml(html.part(open.end(), raw.length()), file, at, blocks, links, tableCount, lastHeading,
                    details, diagnostics);
        }
        return htmlBlock(html, file, at, blocks, links, tableCount, lastHeading, diagnostics);
    }

    /**
     * An HTML block with doc-builder tags ({@link DocBuilderTags}): each hfoption opens a details element
     * ({@link Block.DetailsStart}, titled with its id) and each Tip a callout ({@link Block.CalloutStart}); their
     * closing tags close them, hfoptions tags go; the HTML between the tags is read as any HTML block.
     */
    private int docBuilder(Html html, SourceFile file, List<Block> blocks, List<Link> links, int tableCount,
                           String lastHeading, int[] details, int[] callouts, Diagnostics diagnostics) {
        String raw = html.raw();
        Matcher tag = DocBuilderTags.TAG.matcher(raw);
        int done = 0;
        while (tag.find()) {
            SourcePosition tagAt = file.atLine(file.lines().line(html.from() + tag.start()));
            if (!raw.substring(done, tag.start()).isBlank()) {
                tableCount = between(html.part(done, tag.start()), file, blocks, links, tableCount, lastHeading, details,
                        diagnostics);
            }
            done = tag.end();
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (name.equals("hfoption") && !closing) {
                blocks.add(new Block.DetailsStart(org.jsoup.nodes.Entities.escape(DocBuilderTags.id(tag.group(3))), true, tagAt));
                details[0]++;
            } else if (name.equals("hfoption") && details[0] > 0) {
                blocks.add(new Block.DetailsEnd(tagAt));
                details[0]--;
            } else if (name.equals("tip") && !closing) {
                blocks.add(new Block.CalloutStart(DocBuilderTags.calloutKind(tag.group(3)), tagAt));
                callouts[0]++;
            } else if (name.equals("tip") && callouts[0] > 0) {
                blocks.add(new Block.CalloutEnd(tagAt));
                callouts[0]--;
            }
        }
        if (!raw.substring(done).isBlank()) {
            tableCount = between(html.part(done, raw.length()), file, blocks, links, tableCount, lastHeading, details,
                    diagnostics);
        }
        return tableCount;
    }

    /**
     * What stands between doc-builder tags in one HTML block: HTML as any HTML block, or, when it does not start
     * with a tag, Markdown (doc-builder reads MDX, so {@code <Tip>} on the line above a paragraph keeps its links).
     */
    private int between(Html part, SourceFile file, List<Block> blocks, List<Link> links, int tableCount,
                        String lastHeading, int[] details, Diagnostics diagnostics) {
        SourcePosition at = file.atLine(file.lines().line(part.from() + (part.raw().length() - part.raw().stripLeading().length())));
        if (part.raw().strip().startsWith("<")) {
            return detailsOrHtml(part, file, at, blocks, links, tableCount, lastHeading, details, diagnostics);
        }
        StringBuilder rendered = new StringBuilder();
        for (Node c = markdown.parse(part.raw()).getFirstChild(); c != null; c = c.getNext()) rendered.append(markdown.render(c));
        String clean = sanitizer.clean(rendered.toString(), at, diagnostics);
        if (!TableBuilder.text(clean).isBlank() || clean.contains("<img")) {
            blocks.add(new Block.Prose(clean, TableBuilder.text(clean), at));
            links.addAll(linksOf(clean, file, part.from(), part.to()));
        }
        return tableCount;
    }

    /** {@code <details>} tags minus {@code </details>} tags: how many the HTML leaves open. */
    private static int opens(String raw) {
        int open = 0;
        Matcher m = DETAILS_TAG.matcher(raw);
        while (m.find()) open += m.group(1).isEmpty() ? 1 : -1;
        return open;
    }

    private int htmlBlock(Html html, SourceFile file, SourcePosition at, List<Block> blocks,
                          List<Link> links, int tableCount, String lastHeading, Diagnostics diagnostics) {
        String raw = html.raw();
        int offset = html.from();
        if (INLINE_HTML_START.matcher(raw).matches() && !raw.toLowerCase(Locale.ROOT).contains("<table")) {
            // A line such as "<br>" opens a raw HTML block in CommonMark, which would leave the Markdown that
            // follows it (links, emphasis) unparsed; read the block as a Markdown paragraph instead.
            // A zero-width space in front makes flexmark read a paragraph with inline HTML; it is removed after.
            StringBuilder rendered = new StringBuilder();
            var doc = markdown.parse(ZWSP + raw);
            for (Node c = doc.getFirstChild(); c != null; c = c.getNext()) rendered.append(markdown.render(c));
            String clean = sanitizer.clean(rendered.toString().replace(ZWSP, ""), at, diagnostics);
            if (!TableBuilder.text(clean).isBlank() || clean.contains("<img")) {
                blocks.add(new Block.Prose(clean, TableBuilder.text(clean), at));
                links.addAll(linksOf(clean, file, offset, html.to()));
            }
            return tableCount;
        }
        Document doc = Jsoup.parse(raw, "", Parser.htmlParser().setTrackPosition(true));
        sanitizer.recoverOutsideBody(doc, at, diagnostics);
        List<Element> tables = new ArrayList<>();
        for (Element t : doc.select(TABLES)) if (t.parents().stream().noneMatch(p -> p.normalName().equals("table"))) tables.add(t);
        List<Table> read = new ArrayList<>();
        for (Element t : tables) {
            tableCount++;
            read.add(htmlTables.read(t, "table-" + tableCount, caption(lastHeading, tableCount), raw, file, offset, diagnostics));
        }
        for (Element t : tables) t.remove();
        String rest = sanitizer.clean(doc.body().html(), at, diagnostics);
        if (!TableBuilder.text(rest).isBlank() || rest.contains("<img")) {
            blocks.add(new Block.Prose(rest, TableBuilder.text(rest), at));
            links.addAll(linksOf(rest, file, offset, html.to()));
        }
        for (Table t : read) {
            blocks.add(new Block.TableBlock(t));
            links.addAll(t.links());
        }
        return tableCount;
    }

    /** Links of a block's sanitized HTML, each placed at the line where its href appears in the source. */
    private static List<Link> linksOf(String html, SourceFile file, int from, int to) {
        return linksOf(html, null, file, from, to);
    }

    /** Like {@link #linksOf(String, SourceFile, int, int)}, with {@code html} read already ({@code read}, or null). */
    private static List<Link> linksOf(String html, InlineFragment read, SourceFile file, int from, int to) {
        if (!html.contains("<a")) return List.of();
        List<Link> links = new ArrayList<>();
        String text = file.text();
        int cursor = from;
        for (InlineFragment.Anchor a : read != null ? read.anchors() : TableBuilder.anchors(html)) {
            String href = a.href();
            int found = text.indexOf(href, cursor);
            int pos = found >= 0 && found < Math.max(to, from + 1) ? found : from;
            if (found >= 0 && found < to) cursor = found + href.length();
            SourcePosition p = file.at(pos);
            links.add(Link.of(a.text(), href, SourcePosition.of(p.path(), p.line())));
        }
        return links;
    }

    /** A task list item as GitHub reads it: its {@code [ ]} or {@code [x]} ends the line or a space follows. */
    private static boolean isTask(TaskListItem item) {
        var suffix = item.getMarkerSuffix();
        var all = suffix.getBaseSequence();
        int after = suffix.getEndOffset();
        return after >= all.length() || Character.isWhitespace(all.charAt(after));
    }

    private static String withCheckbox(String html, boolean done) {
        String box = done ? MarkdownEngine.TASK_DONE : MarkdownEngine.TASK_TODO;
        return html.startsWith("<p>") ? "<p>" + box + html.substring(3) : box + html;
    }

    private static final Pattern HEADING_ANCHOR = Pattern.compile(
            "(?i)<a\\s[^>]*?\\b(?:name|id)\\s*=\\s*[\"']?([^\"'\\s>]+)[^>]*>");

    /**
     * "### Installation &lt;a name="install1"&gt;&lt;/a&gt;": GitHub keeps the card's anchor with the heading, so it
     * goes before the heading as an empty anchor of its own.
     */
    private void addHeadingAnchors(Heading h, SourcePosition at, List<Block> blocks, Diagnostics diagnostics) {
        String anchors = headingAnchors(SequenceText.of(h.getText()));
        if (!anchors.isEmpty()) blocks.add(new Block.Prose(sanitizer.clean(anchors, at, diagnostics), "", at));
    }

    /** The anchors ({@code <a name>} or {@code <a id>}) written inside a heading, as empty anchors. */
    static String headingAnchors(String headingSource) {
        StringBuilder sb = new StringBuilder();
        Matcher m = HEADING_ANCHOR.matcher(headingSource);
        while (m.find()) sb.append("<a id=\"").append(org.jsoup.nodes.Entities.escape(m.group(1))).append("\"></a>");
        return sb.toString();
    }

    private static String unwrapSingleParagraph(String html) {
        String t = html.strip();
        if (t.startsWith("<p>") && t.endsWith("</p>") && t.indexOf("<p>", 3) < 0) return t.substring(3, t.length() - 4);
        return t;
    }

    /** "IDEFICS instruct, table 4": the nearest heading names the table (the paragraph before is already shown). */
    private static String caption(String heading, int number) {
        String t = heading.strip();
        if (t.length() > 120) t = t.substring(0, 117) + "...";
        return t + ", table " + number;
    }

    /**
     * The text GitHub makes a heading's id from: the text content of the rendered heading, unnormalized (markup
     * and link targets gone, underscores and repeated spaces kept as written).
     */
    private String anchorText(Heading h) {
        // a heading of plain text (most: 148,308 of the headings of 26,394 real and 10,000 synthetic cards read the
        // same either way) is its text with escapes and entities resolved, without a renderer and HTML round trip
        StringBuilder plain = new StringBuilder();
        for (Node c = h.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof Text t)) {
                plain = null;
                break;
            }
            plain.append(t.getChars().unescape());
        }
        // (math and long-line ticks are masked with private-use characters that only the renderer puts back)
        if (plain != null && plain.chars().noneMatch(ch -> ch >= '\uE000' && ch <= '\uF0FF')) return plain.toString().strip();
        return Jsoup.parseBodyFragment(markdown.render(h)).body().wholeText().strip();
    }

    /** The first sentence of the first paragraph, at most about 200 characters. */
    static String summary(List<Block> blocks) {
        for (Block b : blocks) {
            if (b instanceof Block.Prose p && !p.text().isBlank()) {
                String t = Spaces.collapse(p.text());
                int end = -1;
                for (int i = 40; i < t.length() - 1; i++) {
                    if (t.charAt(i) == '.' && t.charAt(i + 1) == ' ') { end = i + 1; break; }
                }
                if (end > 0 && end <= 240) t = t.substring(0, end);
                if (t.length() > 240) {
                    int cut = t.lastIndexOf(' ', 237);
                    t = t.substring(0, cut > 100 ? cut : 237) + "…";
                }
                return t;
            }
        }
        return "";
    }
}
