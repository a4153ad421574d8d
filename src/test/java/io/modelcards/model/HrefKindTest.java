package io.modelcards.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a link written in a card points at, seen from its page models/<slug>/index.html. */
class HrefKindTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://huggingface.co/acme/nova      | EXTERNAL
            //cdn.example.org/x.png               | EXTERNAL
            mailto:team@example.org               | EXTERNAL
            #3-results--limits                    | ANCHOR
            ../other-model/index.html             | SITE
            ../other-model/                       | SITE
            ../rubert-base-cased                  | SIBLING
            ../ernie-2.0-en#usage                 | SIBLING
            ../../benchmarks/mmlu/index.html#top  | SITE
            index.html                            | SITE
            model-index.json                      | SITE
            ./                                    | SITE
            LICENSE                               | REPOSITORY
            ./config/cased_2M/vocab.txt           | REPOSITORY
            eval/results.txt#L3                   | REPOSITORY
            assets/plot.png                       | REPOSITORY
            facebook/wav2vec2-xls-r-1b            | REPOSITORY
            README.md                             | REPOSITORY
            setup.py                              | REPOSITORY
            LICENSE.apache-2.0                    | REPOSITORY
            /acme/nova/blob/main/config.json      | HOST
            /datasets/squad                       | HOST
            www.valurank.com                      | DOMAIN
            explosion.ai                          | DOMAIN
            huggingface.co/flax-community/t5      | DOMAIN
            linkedin.com/in/someone               | DOMAIN
            """)
    void classifies(String href, HrefKind kind) {
        assertEquals(kind, HrefKind.of(href));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ./config/../vocab.txt  | vocab.txt
            a/./b/c.txt            | a/b/c.txt
            ../x.txt               | null
            """, nullValues = "null")
    void resolvesAgainstTheRepositoryRoot(String path, String expected) {
        List<String> parts = HrefKind.repositoryPath(path);
        assertEquals(expected, parts == null ? null : String.join("/", parts));
    }
}
