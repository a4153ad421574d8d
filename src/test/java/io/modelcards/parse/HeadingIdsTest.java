package io.modelcards.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Heading ids as GitHub makes them. The cases are github-slugger's own (test/fixtures.json of
 * https://github.com/Flet/github-slugger, version 2.0), plus what real model cards write.
 */
class HeadingIdsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            alpha                                                    | alpha
            bravoCharlieDelta                                        | bravocharliedelta
            __proto__                                                | __proto__
            hasOwnProperty                                           | hasownproperty
            heading with a - dash                                    | heading-with-a---dash
            heading with an _ underscore                             | heading-with-an-_-underscore
            heading with a period.txt                                | heading-with-a-periodtxt
            "exchange.bind_headers(exchange, routing [, bindCallback])" | exchangebind_headersexchange-routing--bindcallback
            "apostrophe’s should be trimmed"                         | apostrophes-should-be-trimmed
            I ♥ unicode                                              | i--unicode
            en–dash                                                  | endash
            😄 unicode emoji                                          | -unicode-emoji
            😄-😄 unicode emoji                                        | --unicode-emoji
            😄_😄 unicode emoji                                        | _-unicode-emoji
            :smile: - a gemoji                                       | smile---a-gemoji
            Привет non-latin 你好                                     | привет-non-latin-你好
            :ok_hand::hatched_chick: Two in a row with no spaces     | ok_handhatched_chick-two-in-a-row-with-no-spaces
            a) ] } ⸣ 》 ｝b                                           | a-----b
            a$ ¢ £ € ₿b                                              | a----b
            a- ֊ ‐ – —b                                              | a-----b
            a0 1 ١ ०b                                                | a0-1-١-०b
            aᛮ Ⅰ ⅰb                                                  | aᛮ-ⅰ-ⅰb
            a² ½b                                                    | a-b
            3. Results & Limits                                      | 3-results--limits
            Café à la carte                                          | café-à-la-carte
            Model Details: BERT-base (uncased)                       | model-details-bert-base-uncased
            🤗 Transformers                                           | -transformers
            "How to use `pipeline()`"                                | how-to-use-pipeline
            """)
    void slugsAsGithubSlugger(String text, String id) {
        assertEquals(id, HeadingIds.slug(text));
    }

    @Test
    void repeatsCountLikeGithubSlugger() {
        // github-slugger's fixtures, in order: one slugger for the whole list
        HeadingIds ids = new HeadingIds();
        List<String> out = new ArrayList<>();
        for (String t : List.of("alpha", "alpha", "echo", "echo", "echo 1", "echo-1", "echo", "foxtrot-1", "foxtrot",
                "foxtrot", "golf", "golf", "golf", "-a-", "-a-")) {
            out.add(ids.next(t));
        }
        assertEquals(List.of("alpha", "alpha-1", "echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2", "foxtrot-1",
                "foxtrot", "foxtrot-2", "golf", "golf-1", "golf-2", "-a-", "-a--1"), out);
    }

    @Test
    void idsOfThePageAndItsTablesAreNeverTaken() {
        HeadingIds ids = new HeadingIds();
        assertEquals(List.of("main-1", "top-1", "table-2-1", "fig-table-1-1", "table-2-caption-1", "tables", "toc-1"),
                List.of(ids.next("Main"), ids.next("Top"), ids.next("Table 2"), ids.next("fig table 1"),
                        ids.next("Table 2 caption"), ids.next("Tables"), ids.next("TOC")));
    }

    @Test
    void headingWithNoTextLeftIsStillAValidId() {
        HeadingIds ids = new HeadingIds();
        assertEquals(List.of("section", "section-1", "--"), List.of(ids.next("!!!"), ids.next(""), ids.next(" ! ")));
    }
}
