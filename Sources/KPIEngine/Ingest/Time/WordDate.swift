/// Dates written with a month name, as exports in several languages write them: `Apr 29, 2020`
/// (YouTube Studio), `3-Jun-26` (a spreadsheet), `February 28` and `8 de marzo` (TikTok Studio,
/// no year), `28. Februar 2026`, optionally followed by a clock time.
enum WordDate {
    /// What such a text says.
    enum Reading: Equatable {
        case date(Day, timeText: Substring?)
        case withoutYear(month: Int, day: Int, timeText: Substring?)
    }

    /// Reads `text`; nil when it is not a date with a month name (a word that is no month, no
    /// day number, numbers that fit no pattern).
    static func read(_ text: String) -> Reading? {
        var month: Int?
        var numbers: [(value: Int, digits: Int)] = []
        var timeText: Substring?
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !isSeparator($0) }) {
            rest = rest[start...]
            let end = rest.firstIndex(where: isSeparator) ?? rest.endIndex
            let token = rest[..<end]
            if token.contains(":") {
                timeText = rest
                break
            }
            rest = rest[end...]
            if token.allSatisfy(\.isASCII), let value = Int(token) {
                numbers.append((value, token.count))
            } else if let named = monthNumbers[token.lowercased()] {
                guard month == nil else { return nil }
                month = named
            } else if let digits = ordinalDay(token) {
                numbers.append((digits, 2))
            } else if !fillers.contains(token.lowercased()) {
                return nil
            }
        }
        guard let month else { return nil }
        switch numbers.count {
        case 1:
            guard (1...31).contains(numbers[0].value), numbers[0].digits <= 2 else { return nil }
            return .withoutYear(month: month, day: numbers[0].value, timeText: timeText)
        case 2:
            let yearIndex = numbers.firstIndex { $0.digits == 4 } ?? 1
            let year = numbers[yearIndex].digits == 4 ? numbers[yearIndex].value : 2000 + numbers[yearIndex].value
            let dayNumber = numbers[1 - yearIndex]
            guard numbers[yearIndex].digits == 4 || numbers[yearIndex].digits == 2, dayNumber.digits <= 2,
                  let day = Day(year: year, month: month, day: dayNumber.value)
            else { return nil }
            return .date(day, timeText: timeText)
        default:
            return nil
        }
    }

    private static func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "," || character == "." || character == "-" || character == "/"
            || character == "\u{00A0}"
    }

    /// `1st`, `22nd`, `3rd`, `4th` as a day number.
    private static func ordinalDay(_ token: Substring) -> Int? {
        let digits = token.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 2, ["st", "nd", "rd", "th"].contains(token.dropFirst(digits.count).lowercased())
        else { return nil }
        return Int(digits)
    }

    /// Words between the parts of a date (`8 de marzo de 2026`, `the 3rd of June`).
    private static let fillers: Set<String> = ["de", "del", "of", "the", "le", "am"]

    /// Month names and abbreviations of the common export languages (English, Spanish,
    /// Portuguese, French, German, Italian), lower-cased.
    static let monthNumbers: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "enero", "ene", "janeiro", "janvier", "janv", "januar", "jän", "gennaio", "gen"],
            ["february", "feb", "febrero", "fevereiro", "fev", "février", "fevrier", "févr", "fevr", "februar", "febbraio"],
            ["march", "mar", "marzo", "março", "marco", "mars", "märz", "marz", "mär"],
            ["april", "apr", "abril", "abr", "avril", "avr", "aprile"],
            ["may", "mayo", "maio", "mai", "maggio", "mag"],
            ["june", "jun", "junio", "junho", "juin", "juni", "giugno", "giu"],
            ["july", "jul", "julio", "julho", "juillet", "juil", "juli", "luglio", "lug"],
            ["august", "aug", "agosto", "ago", "août", "aout"],
            ["september", "sep", "sept", "septiembre", "setiembre", "setembro", "set", "septembre", "settembre"],
            ["october", "oct", "octubre", "outubro", "out", "octobre", "oktober", "okt", "ottobre", "ott"],
            ["november", "nov", "noviembre", "novembro", "novembre"],
            ["december", "dec", "diciembre", "dic", "dezembro", "dez", "décembre", "decembre", "déc", "dezember", "dicembre"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()
}
