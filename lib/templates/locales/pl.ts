import type { LocaleTexts } from '../types';

export const pl: LocaleTexts = {
	greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
	calendarTitle: 'Wizyta: {clinic}',
	templates: {
		reminder: {
			subject: 'Przypomnienie: wizyta {date}',
			text: '{greeting} Przypominamy o Twojej wizycie: {clinic}, {date}, godz. {time}.[ Zmiana terminu: {link}]',
		},
		dayOfReminder: {
			subject: 'Dziś Twoja wizyta o {time}',
			text: '{greeting} Czekamy na Ciebie dziś o godz. {time}: {clinic}.[ Dojazd: {link}]',
		},
		visitConfirmation: {
			subject: 'Potwierdź wizytę',
			text: '{greeting} Prosimy o potwierdzenie wizyty: {clinic}, {date}, godz. {time}. Odpowiedz TAK, aby potwierdzić, lub NIE, aby odwołać.',
		},
		surveyRequest: {
			subject: 'Jak minęła wizyta?',
			text: '{greeting} Dziękujemy za wizytę ({clinic}). Prosimy o krótką ocenę, zajmie minutę: {link}',
		},
		surveyNudge: {
			subject: 'Minuta dla nas?',
			text: '{greeting} Wciąż chętnie poznamy Twoją opinię o wizycie ({clinic}): {link}',
		},
		nps: {
			subject: 'Jedno krótkie pytanie',
			text: '{greeting} Jak chętnie polecisz nas ({clinic}) znajomym? Odpowiedz liczbą od 0 do 10.[ Lub tutaj: {link}]',
		},
		paymentReminder: {
			subject: 'Przypomnienie o płatności',
			text: '{greeting} Uprzejmie przypominamy o nieopłaconej należności[ w kwocie {amount}].[ Zapłać online: {link}]',
		},
		deliveryQuestion: {
			subject: 'Czy przesyłka dotarła?',
			text: '{greeting} Czy Twoja przesyłka dotarła? Odpowiedz TAK lub NIE.',
		},
		thanks: {
			subject: 'Dziękujemy!',
			text: '{greeting} Dziękujemy za informację. Miłego dnia!',
		},
		apology: {
			subject: 'Przepraszamy',
			text: '{greeting} Bardzo przepraszamy. Twoje zgłoszenie przekazaliśmy do obsługi klienta, a produkt lub usługa zostaną wysłane ponownie.',
		},
		recall: {
			subject: 'Czas na wizytę kontrolną',
			text: '{greeting} Od Twojej ostatniej wizyty[ ({lastVisit})] minęło już trochę czasu. Zapraszamy na wizytę kontrolną: {clinic}.[ Umów się: {link}]',
		},
		bonusPoints: {
			subject: 'Masz {points} punktów bonusowych',
			text: '{greeting} Masz {points} punktów bonusowych ({clinic}). Wykorzystaj je podczas następnej wizyty![ Umów się: {link}]',
		},
	},
};
