// Prints an email as a focal point would receive it, with sample data:
//
//   npx tsx scripts/preview-email.ts --template invitation --lang fr [--html]
//
// Plain text by default (subject first); --html prints the HTML part instead.
import { Command, Option } from 'commander';
import { emailTemplates, type EmailTemplate } from '../server/email/outbox.model';
import { renderEmail } from '../server/email/templates';
import { supportedLocales, type Locale } from '../server/i18n/locales';

const program = new Command('preview-email')
  .description('Render an email template with sample data')
  .addOption(new Option('--template <name>', 'template').choices([...emailTemplates]).default('invitation'))
  .addOption(new Option('--lang <locale>', 'language').choices([...supportedLocales]).default('en'))
  .option('--html', 'print the HTML part instead of the plain text', false);
program.parse();
const opts = program.opts<{ template: EmailTemplate; lang: Locale; html: boolean }>();

const email = renderEmail(opts.template, opts.lang, {
  name: 'Ana Pereira',
  countryName: { en: 'Cabo Verde', fr: 'Cabo Verde', es: 'Cabo Verde' }[opts.lang],
  roundName: 'Capacity Assessment 2027',
  deadline: new Date('2027-03-15T12:00:00Z'),
  link: 'https://capgap.example/respond/3q7VbQ0nX2kYw9LrT5sJ',
  receivedAt: new Date('2027-02-03T09:30:00Z'),
});

process.stdout.write(opts.html ? email.html : `Subject: ${email.subject}\n\n${email.text}`);
