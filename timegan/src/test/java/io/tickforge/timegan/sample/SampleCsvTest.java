package io.tickforge.timegan.sample;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleCsvTest {

    @Test
    void shouldReadBackExactlyWhatItWrote() throws Exception {
        SampleSet s = new SampleSet(List.of("Open", "Volume"), 2, 3,
                new double[] {1.5, 100, 1.6, 110, 1.7, 120, 2.5, 200, 2.6, 0.1, 2.7, 1e-9});
        StringWriter out = new StringWriter();

        SampleCsv.write(s, out);
        SampleSet back = SampleCsv.read(new StringReader(out.toString()), "mem");

        assertThat(out.toString()).startsWith("sequence,step,Open,Volume\n0,0,1.5,100.0\n");
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
    }

    @Test
    void shouldNameTheLineAndColumnWhenAValueIsNotANumber() {
        String csv = "sequence,step,a,b\n0,0,1,2\n0,1,x,2\n";

        assertThatThrownBy(() -> SampleCsv.read(new StringReader(csv), "syn.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("syn.csv: line 3")
                .hasMessageContaining("column a")
                .hasMessageContaining("'x'");
    }

    @Test
    void shouldRejectSequencesOfDifferentLengths() {
        String csv = "sequence,step,a\n0,0,1\n0,1,1\n1,0,1\n2,0,1\n";

        assertThatThrownBy(() -> SampleCsv.read(new StringReader(csv), "syn.csv"))
                .hasMessageContaining("line 5")
                .hasMessageContaining("sequence 1 has 1 steps, the first had 2");
    }

    @Test
    void shouldRejectAHeaderWithoutSequenceAndStep() {
        assertThatThrownBy(() -> SampleCsv.read(new StringReader("Open,Close\n1,2\n"), "real.csv"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("sequence,step");
    }
}
