package contact

import "strings"

// helpdeskLanguages maps the language names Freshdesk shows and exports
// ("Korean", "Chinese (Simplified)"), and the codes of its API where they
// differ from the standard ("ja-JP", "es-LA"), to the BCP 47 tag Portico
// stores ("ko", "zh-CN", "es-419"). Keys are lower case.
var helpdeskLanguages = map[string]string{
	"arabic": "ar", "bosnian": "bs", "bulgarian": "bg", "catalan": "ca",
	"chinese": "zh-CN", "chinese (simplified)": "zh-CN", "chinese (traditional)": "zh-TW",
	"croatian": "hr", "czech": "cs", "danish": "da", "dutch": "nl", "english": "en",
	"estonian": "et", "filipino": "fil", "finnish": "fi", "french": "fr", "german": "de",
	"greek": "el", "hebrew": "he", "hungarian": "hu", "icelandic": "is", "indonesian": "id",
	"italian": "it", "japanese": "ja", "korean": "ko", "latvian": "lv", "lithuanian": "lt",
	"malay": "ms", "norwegian": "nb", "polish": "pl",
	"portuguese (br)": "pt-BR", "portuguese (brazil)": "pt-BR",
	"portuguese/portugal": "pt-PT", "portuguese (portugal)": "pt-PT",
	"romanian": "ro", "russian": "ru", "serbian": "sr", "slovak": "sk", "slovenian": "sl",
	"spanish": "es", "spanish (latin america)": "es-419", "swedish": "sv", "thai": "th",
	"turkish": "tr", "ukrainian": "uk", "vietnamese": "vi",
	"ja-jp": "ja", "lv-lv": "lv", "nb-no": "nb", "ru-ru": "ru", "sv-se": "sv", "es-la": "es-419",
}

// languageCode turns a helpdesk's language name into Portico's code and
// leaves any other value as it is.
func languageCode(s string) string {
	if len(s) < len("thai") {
		return s
	}
	if code, ok := helpdeskLanguages[strings.ToLower(s)]; ok {
		return code
	}
	return s
}
