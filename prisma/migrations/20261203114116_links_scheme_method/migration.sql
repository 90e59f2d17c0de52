-- AlterEnum
ALTER TYPE "roll_link_method" ADD VALUE 'scheme';
